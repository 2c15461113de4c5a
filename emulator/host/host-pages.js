/*
 * Host views for the app's project page (jira:projectPage): the page iframe, as Jira shows it in
 * the project sidebar. Kept apart from host.js so the page modules stay small.
 */
(function () {
  'use strict';
  var V = window.HostViews;
  var h = V.h;

  function projectPageView(state, key, frame) {
    var project = state.projects.find(function (p) { return p.key === key; });
    if (!project || !state.modules.projectPage) return Promise.resolve(h('p', {}, 'No project page for this project.'));
    var el = frame(state.modules.projectPage, 'page', { projectId: project.id });
    el.setAttribute('title', 'SLA report');
    return Promise.resolve(h('section', {}, h('p', {}, h('a', { href: '#/project/' + key }, project.name), ' / SLA report'), el));
  }

  V.projectPageView = projectPageView;
})();

/*
 * A dashboard with the app's gadgets (jira:dashboardGadget). As in Jira, the host keeps each gadget's
 * configuration (here in localStorage) and opens the edit view for an unconfigured gadget; the edit
 * view's view.submit(config) saves it and shows the gadget.
 */
(function () {
  'use strict';
  var V = window.HostViews;
  var h = V.h;
  var KEY = 'emu_dashboard';

  function load() { try { return JSON.parse(localStorage.getItem(KEY) || '[]'); } catch { return []; } }
  function save(gadgets) { localStorage.setItem(KEY, JSON.stringify(gadgets)); }

  function gadgetCard(state, g, frame, rerender) {
    var editing = g.editing || !g.config;
    var el = frame(state.modules.gadget, 'gadget', { gadgetId: g.id, entryPoint: editing ? 'edit' : 'view', gadgetConfig: JSON.stringify(g.config || {}) });
    el.setAttribute('title', editing ? 'Configure SLA status gadget' : 'SLA status gadget');
    el.id = 'gadget-frame-' + g.id;
    var edit = h('button', { type: 'button', onclick: function () { save(load().map(function (x) { return x.id === g.id ? Object.assign(x, { editing: true }) : x; })); rerender(); } }, 'Edit');
    var remove = h('button', { type: 'button', onclick: function () { save(load().filter(function (x) { return x.id !== g.id; })); rerender(); } }, 'Remove');
    return h('article', { class: 'gadget', 'data-gadget-id': g.id }, h('h2', {}, 'SLA status ', editing ? null : edit, ' ', remove), el);
  }

  function dashboardView(state, frame, rerender) {
    if (!state.modules.gadget) return Promise.resolve(h('p', {}, 'No dashboard gadget module in manifest.yml.'));
    var add = h('button', { class: 'primary', type: 'button', id: 'add-gadget', onclick: function () {
      save(load().concat([{ id: 'g' + Date.now(), config: null, editing: true }])); rerender();
    } }, 'Add SLA status gadget');
    var cards = load().map(function (g) { return gadgetCard(state, g, frame, rerender); });
    return Promise.resolve(h('section', { id: 'dashboard' }, h('h1', {}, 'Dashboard'), h('p', {}, add), h('div', { class: 'gadgets' }, cards)));
  }

  function gadgetMessage(msg, rerender) {
    save(load().map(function (g) {
      if (g.id !== msg.gadgetId) return g;
      return msg.type === 'sla-emulator:gadget-submit' ? { id: g.id, config: msg.config, editing: false } : Object.assign(g, { editing: false });
    }));
    rerender();
  }

  V.dashboardView = dashboardView;
  V.gadgetMessage = gadgetMessage;
})();
