/*
 * @forge/bridge shim for Custom UI apps hosted by the emulator. @forge/bridge sends every call
 * through window.__bridge.callBridge(cmd, payload) when it exists; this defines it before the app's
 * bundle loads. Resolver calls and requestJira go to the emulator over fetch (as the user chosen in
 * the host page, carried by a cookie); theme changes and Jira events arrive from the host page by
 * postMessage.
 */
(function () {
  'use strict';
  var params = new URLSearchParams(window.location.search);
  var ctx = { moduleKey: window.location.pathname.split('/')[2], issueId: params.get('issueId'), projectId: params.get('projectId') };
  // Dashboard gadgets: which gadget, which view, and the configuration the host page keeps for it.
  var gadget = params.get('gadgetId') ? { gadgetId: params.get('gadgetId'), entryPoint: params.get('entryPoint'), gadgetConfig: JSON.parse(params.get('gadgetConfig') || '{}') } : {};
  function withGadget(body) { return Object.assign(body, gadget); }
  var theme = params.get('theme') === 'dark' ? 'dark' : 'light';
  var themingEnabled = false;
  var listeners = {};

  function post(path, body) {
    return fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json(); });
  }

  function applyTheme() {
    var root = document.documentElement;
    root.setAttribute('data-theme', 'dark:dark light:light spacing:spacing shape:shape typography:typography');
    root.setAttribute('data-color-mode', theme);
  }

  function toHost(message) {
    if (window.parent && window.parent !== window) window.parent.postMessage(message, window.location.origin);
  }

  window.addEventListener('message', function (e) {
    if (e.source !== window.parent || !e.data || typeof e.data !== 'object') return;
    if (e.data.type === 'sla-emulator:theme') {
      theme = e.data.theme === 'dark' ? 'dark' : 'light';
      if (themingEnabled) applyTheme();
    }
    if (e.data.type === 'sla-emulator:event') {
      (listeners[e.data.event] || []).slice().forEach(function (cb) {
        try { cb(e.data.payload); } catch (err) { console.error(err); }
      });
    }
  });

  var history = {
    location: { pathname: '/', search: '', hash: '', state: null },
    listeners: [],
    push: function (path) { history.location = { pathname: String(path), search: '', hash: '', state: null }; history.listeners.forEach(function (l) { l(history.location, 'PUSH'); }); },
    replace: function (path) { history.location = { pathname: String(path), search: '', hash: '', state: null }; history.listeners.forEach(function (l) { l(history.location, 'REPLACE'); }); },
    listen: function (l) { history.listeners.push(l); return function () { history.listeners = history.listeners.filter(function (x) { return x !== l; }); }; },
    go: function () {}, back: function () {}, forward: function () {},
  };

  var handlers = {
    invoke: function (p) {
      return post('/bridge/invoke', withGadget({ moduleKey: ctx.moduleKey, issueId: ctx.issueId, projectId: ctx.projectId, functionKey: p.functionKey, payload: p.payload })).then(function (r) {
        if (!r.ok) throw new Error(r.message || 'resolver failed');
        return r.result;
      });
    },
    getContext: function () { return post('/bridge/context', withGadget({ moduleKey: ctx.moduleKey, issueId: ctx.issueId, projectId: ctx.projectId, theme: theme })); },
    submit: function (p) { toHost({ type: 'sla-emulator:gadget-submit', gadgetId: gadget.gadgetId, config: p }); return true; },
    close: function () { toHost({ type: 'sla-emulator:gadget-close', gadgetId: gadget.gadgetId }); return true; },
    enableTheming: function () { themingEnabled = true; applyTheme(); },
    fetchProduct: function (p) { return post('/bridge/fetchProduct', p); },
    on: function (p) {
      (listeners[p.event] = listeners[p.event] || []).push(p.callback);
      return { unsubscribe: function () { listeners[p.event] = (listeners[p.event] || []).filter(function (c) { return c !== p.callback; }); } };
    },
    onPublic: function (p) { return handlers.on(p); },
    emit: function (p) { toHost({ type: 'sla-emulator:emit', event: p.event, payload: p.payload }); },
    emitPublic: function (p) { toHost({ type: 'sla-emulator:emit', event: p.event, payload: p.payload }); },
    navigate: function (p) { toHost({ type: 'sla-emulator:navigate', location: p }); return true; },
    getUrl: function (p) { return new URL('/?navigate=' + encodeURIComponent(JSON.stringify(p)), window.location.origin); },
    reload: function () { window.location.reload(); },
    refresh: function () { window.location.reload(); },
    showFlag: function (p) { toHost({ type: 'sla-emulator:flag', flag: { title: p.title, description: p.description, type: p.type } }); return true; },
    closeFlag: function () { return true; },
    createHistory: function () { return history; },
    changeWindowTitle: function () { return true; },
    emitReadyEvent: function () { return true; },
    getFrameId: function () { return ctx.moduleKey; },
    resize: function () { return true; },
  };

  window.__bridge = {
    callBridge: function (cmd, payload) {
      var h = handlers[cmd];
      if (!h) return Promise.reject(new Error('not emulated: @forge/bridge command ' + cmd));
      return Promise.resolve().then(function () { return h(payload || {}); });
    },
  };
})();
