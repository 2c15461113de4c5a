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
