/*
 * The host page imitating Jira: a project list, issue lists with SLA states from the `sla`
 * property, an issue view with the SLA panel iframe, the project settings iframe, a user switcher
 * and a theme toggle. Reads go to the emulated Jira REST API as the chosen user (cookie); actions go
 * to the control API, which waits until the app has processed them.
 */
(function () {
  'use strict';
  var V = window.HostViews;
  var h = V.h;
  var state = { users: [], projects: [], modules: {}, meta: null, theme: localStorage.getItem('emu_theme') || 'light' };

  function currentUser() {
    var m = /(?:^|;\s*)emu_user=([^;]+)/.exec(document.cookie);
    return m ? decodeURIComponent(m[1]) : 'acc-admin-alex';
  }
  function me() { return state.users.find(function (u) { return u.accountId === currentUser(); }) || state.users[0]; }
  function zone() { return (me() || {}).timeZone || 'UTC'; }

  function api(method, path, body) {
    return fetch(path, { method: method, credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) { return r.text().then(function (t) { var j = t ? JSON.parse(t) : {}; if (!r.ok) throw new Error((j.errorMessages || []).concat(Object.values(j.errors || {})).join(' ') || j.message || r.status); return j; }); });
  }

  function flag(text, kind) {
    var el = h('div', { class: 'flag ' + (kind || '') }, text);
    document.getElementById('flags').appendChild(el);
    setTimeout(function () { el.remove(); }, 5000);
  }

  function act(path, body) {
    body.as = currentUser();
    return api('POST', path, body).then(function () { notifyFrames(); render(); }, function (e) { flag(e.message, 'error'); });
  }

  function notifyFrames() {
    var issue = /^#\/issue\/(.+)$/.exec(location.hash);
    document.querySelectorAll('iframe.app').forEach(function (f) {
      f.contentWindow.postMessage({ type: 'sla-emulator:event', event: 'JIRA_ISSUE_CHANGED', payload: { issueId: f.dataset.issueId, issueKey: issue && issue[1] } }, location.origin);
    });
  }

  function frame(moduleKey, kind, query) {
    query.theme = state.theme;
    var q = new URLSearchParams(query).toString();
    return h('iframe', { class: 'app ' + kind, id: kind + '-frame', title: { panel: 'SLA panel', context: 'SLA summary' }[kind] || 'SLA settings', src: '/apps/' + moduleKey + '/?' + q, 'data-issue-id': query.issueId || '' });
  }

  function issueList(key) {
    var project = state.projects.find(function (p) { return p.key === key; });
    var body = { jql: 'project = ' + key + ' ORDER BY created DESC', fields: ['summary', 'status', 'priority', 'customfield_10042', 'assignee', 'created'], properties: ['sla'], maxResults: 100 };
    return api('POST', '/rest/api/3/search/jql', body).then(function (res) {
      var summary = h('input', { id: 'new-summary', placeholder: 'Summary', required: true });
      var priority = V.select('new-priority', 'Priority', state.meta.priorities.map(function (p) { return { value: p.name, label: p.name }; }), 'Medium', function () {});
      var severity = V.select('new-severity', 'Severity', [{ value: '', label: '(no severity)' }].concat(state.meta.severity.map(function (o) { return { value: o.value, label: o.value }; })), '', function () {});
      var create = h('form', { class: 'inline', id: 'create-form', onsubmit: function (e) {
        e.preventDefault();
        act('/control/issues', { project: key, summary: summary.value, priority: priority.value, severity: severity.value || undefined, reporter: currentUser() });
      } }, summary, priority, severity, h('button', { class: 'primary', type: 'submit' }, 'Create issue'));
      return h('section', {}, h('h1', {}, project ? project.name : key, ' ', h('span', { class: 'muted' }, key)),
        h('p', {}, state.modules.settings ? h('a', { href: '#/project/' + key + '/settings' }, 'SLA settings') : null, ' ',
          state.modules.projectPage ? h('a', { href: '#/project/' + key + '/page', id: 'project-page-link' }, 'SLA report') : null),
        create, V.issueTable(res.issues, zone()));
    });
  }

  function issueView(key) {
    var q = new URLSearchParams({ fields: '*all', properties: 'sla' });
    return api('GET', '/rest/api/3/issue/' + encodeURIComponent(key) + '?' + q).then(function (issue) {
      var f = issue.fields;
      var base = '/control/issues/' + encodeURIComponent(key);
      var fields = h('div', { class: 'fields' },
        h('span', {}, 'Status'), V.select('status-select', 'Status', state.meta.statuses.map(function (s) { return { value: s.name, label: s.name }; }), f.status.name, function (v) { act(base + '/transition', { status: v }); }),
        h('span', {}, 'Priority'), V.select('priority-select', 'Priority', state.meta.priorities.map(function (p) { return { value: p.name, label: p.name }; }), f.priority && f.priority.name, function (v) { act(base + '/fields', { priority: v }); }),
        h('span', {}, 'Severity'), V.select('severity-select', 'Severity', [{ value: '', label: '(none)' }].concat(state.meta.severity.map(function (o) { return { value: o.value, label: o.value }; })), f.customfield_10042 ? f.customfield_10042.value : '', function (v) { act(base + '/fields', { severity: v }); }),
        h('span', {}, 'Assignee'), V.select('assignee-select', 'Assignee', [{ value: '', label: 'Unassigned' }].concat(state.users.filter(function (u) { return u.role === 'agent' || u.role === 'admin'; }).map(function (u) { return { value: u.accountId, label: u.displayName }; })), f.assignee ? f.assignee.accountId : '', function (v) { act(base + '/fields', { assignee: v }); }),
        h('span', {}, 'Reporter'), h('span', {}, f.reporter ? f.reporter.displayName : ''),
        h('span', {}, 'SLA'), h('span', {}, V.slaLozenges(issue.properties && issue.properties.sla)));
      var text = h('textarea', { id: 'comment-text', 'aria-label': 'Comment' });
      var internal = h('input', { type: 'checkbox', id: 'comment-internal' });
      var canInternal = me() && me().role !== 'customer';
      var form = h('form', { id: 'comment-form', onsubmit: function (e) { e.preventDefault(); act(base + '/comment', { text: text.value, internal: internal.checked }); } },
        text, h('div', { class: 'inline' }, canInternal ? h('label', {}, internal, ' Internal note') : null, h('button', { class: 'primary', type: 'submit' }, 'Comment as ' + (me() ? me().displayName : ''))));
      var left = h('section', {}, h('p', {}, h('a', { href: '#/project/' + f.project.key }, f.project.name), ' / ', issue.key), h('h1', {}, f.summary), fields,
        h('h2', {}, 'Activity'), V.comments(f.comment.comments, zone()), form);
      var summary = state.modules.context ? frame(state.modules.context, 'context', { issueId: issue.id, projectId: f.project.id }) : null;
      var right = h('section', {}, summary, h('h2', {}, 'SLA'), state.modules.panel ? frame(state.modules.panel, 'panel', { issueId: issue.id, projectId: f.project.id }) : h('p', { class: 'muted' }, 'No issue panel module in manifest.yml'));
      return h('div', { class: 'issue-layout' }, left, right);
    });
  }

  function settingsView(key) {
    var project = state.projects.find(function (p) { return p.key === key; });
    if (!project || !state.modules.settings) return Promise.resolve(h('p', {}, 'No settings page for this project.'));
    return Promise.resolve(h('section', {}, h('h1', {}, project.name, ' settings ', h('span', { class: 'muted' }, 'SLA Clock')),
      frame(state.modules.settings, 'settings', { projectId: project.id })));
  }

  function render() {
    var hash = location.hash || '#/';
    var issue = /^#\/issue\/(.+)$/.exec(hash);
    var settings = /^#\/project\/([^/]+)\/settings$/.exec(hash);
    var page = /^#\/project\/([^/]+)\/page$/.exec(hash);
    var dashboard = hash === '#/dashboard';
    var project = /^#\/project\/([^/]+)$/.exec(hash);
    var view = issue ? issueView(decodeURIComponent(issue[1]))
      : settings ? settingsView(settings[1])
      : page ? V.projectPageView(state, page[1], frame)
      : dashboard ? V.dashboardView(state, frame, render)
      : project ? issueList(project[1])
      : Promise.resolve(V.projectList(state.projects, state.modules));
    return view.then(function (el) { var main = document.getElementById('view'); main.replaceChildren(el); }, function (e) { flag(e.message, 'error'); });
  }

  function refreshClock() {
    return api('GET', '/control/state').then(function (s) {
      document.getElementById('clock').textContent = V.fmtTime(s.nowIso, zone()) + ' (' + zone() + ')';
    });
  }

  function applyTheme() {
    document.documentElement.setAttribute('data-color-mode', state.theme);
    document.getElementById('theme-toggle').textContent = state.theme === 'dark' ? 'Light' : 'Dark';
    document.querySelectorAll('iframe.app').forEach(function (f) { f.contentWindow.postMessage({ type: 'sla-emulator:theme', theme: state.theme }, location.origin); });
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || !e.data) return;
    if (e.data.type === 'sla-emulator:gadget-submit' || e.data.type === 'sla-emulator:gadget-close') V.gadgetMessage(e.data, render);
    if (e.data.type === 'sla-emulator:flag') flag((e.data.flag.title || '') + ' ' + (e.data.flag.description || ''), e.data.flag.type);
    if (e.data.type === 'sla-emulator:navigate') {
      var loc = e.data.location || {};
      if (loc.target === 'issue' && loc.issueKey) location.hash = '#/issue/' + loc.issueKey;
      else if (loc.projectKey) location.hash = '#/project/' + loc.projectKey + '/settings';
    }
  });

  function boot() {
    return Promise.all([api('GET', '/control/state'), api('GET', '/rest/api/3/priority'), api('GET', '/rest/api/3/status'), api('GET', '/rest/api/3/field/customfield_10042/context/10300/option')]).then(function (r) {
      var s = r[0];
      state.users = s.users.filter(function (u) { return u.role !== 'app'; });
      state.projects = s.projects;
      var roles = { 'jira:issuePanel': 'panel', 'jira:issueContext': 'context', 'jira:projectSettingsPage': 'settings', 'jira:projectPage': 'projectPage', 'jira:dashboardGadget': 'gadget' };
      s.uiModules.forEach(function (m) { if (roles[m.type]) state.modules[roles[m.type]] = m.key; });
      state.meta = { priorities: r[1], statuses: r[2], severity: r[3].values };
      var sw = document.getElementById('user-switcher');
      sw.replaceChildren.apply(sw, state.users.map(function (u) { return h('option', { value: u.accountId, selected: u.accountId === currentUser() }, u.displayName + ' (' + u.role + ')'); }));
      sw.onchange = function () { document.cookie = 'emu_user=' + encodeURIComponent(sw.value) + '; path=/; SameSite=Lax'; render(); refreshClock(); };
      var nav = document.getElementById('project-nav');
      nav.replaceChildren.apply(nav, state.projects.map(function (p) { return h('a', { href: '#/project/' + p.key }, p.key); }));
      document.getElementById('theme-toggle').onclick = function () { state.theme = state.theme === 'dark' ? 'light' : 'dark'; localStorage.setItem('emu_theme', state.theme); applyTheme(); };
      document.getElementById('advance-hour').onclick = function () { api('POST', '/control/clock/advance', { by: '1h' }).then(function () { refreshClock(); notifyFrames(); render(); }); };
      document.getElementById('advance-day').onclick = function () { api('POST', '/control/clock/advance', { by: '1d' }).then(function () { refreshClock(); notifyFrames(); render(); }); };
      document.getElementById('run-sweep').onclick = function () { api('POST', '/control/sweep', {}).then(function () { notifyFrames(); render(); }); };
      applyTheme();
      window.addEventListener('hashchange', render);
      setInterval(refreshClock, 1000);
      return Promise.all([render(), refreshClock()]);
    });
  }

  boot().catch(function (e) { document.getElementById('view').textContent = 'The emulator is not reachable: ' + e.message; });
})();
