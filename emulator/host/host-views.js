/*
 * Host page views: small DOM builders for the project list, issue list, issue view and settings
 * page. Plain browser JavaScript (no framework); all text goes through textContent.
 */
(function () {
  'use strict';

  function h(tag, attrs) {
    var el = document.createElement(tag);
    var children = Array.prototype.slice.call(arguments, 2);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) return;
      if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
      else if (k === 'value') el.value = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    });
    children.flat().forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
    });
    return el;
  }

  /** Plain words for the property's JQL states (the list never shows the raw state values). */
  var STATE_WORDS = {
    notStarted: 'not started', running: 'running', paused: 'paused', met: 'met',
    breached: 'breached', notApplicable: 'no goal'
  };

  /** SLA states from the `sla` issue property: "First response: running", by metric name. */
  function slaLozenges(prop) {
    if (!prop || typeof prop !== 'object') return [h('span', { class: 'muted' }, '—')];
    var out = [];
    var metrics = prop.metrics && typeof prop.metrics === 'object' ? prop.metrics : prop;
    Object.keys(metrics).forEach(function (k) {
      var v = metrics[k];
      if (v && typeof v === 'object' && typeof v.state === 'string') {
        var name = typeof v.name === 'string' && v.name ? v.name : k;
        var words = STATE_WORDS[v.state] || 'unknown';
        out.push(h('span', { class: 'lozenge ' + v.state.toLowerCase(), 'data-sla-metric': k, 'data-sla-state': v.state }, name + ': ' + words));
      }
    });
    return out.length ? out : [h('span', { class: 'muted' }, '—')];
  }

  function select(id, label, options, current, onchange) {
    return h('select', { id: id, 'aria-label': label, onchange: function (e) { onchange(e.target.value); } },
      options.map(function (o) { return h('option', { value: o.value, selected: o.value === current }, o.label); }));
  }

  function fmtTime(iso, zone) {
    try { return new Date(iso).toLocaleString('en-GB', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }); } catch { return iso; }
  }

  function projectList(projects, modules) {
    return h('section', {},
      h('h1', {}, 'Projects'),
      h('div', { class: 'cards' }, projects.map(function (p) {
        return h('div', { class: 'card' },
          h('h2', {}, p.name, ' ', h('span', { class: 'muted' }, p.key)),
          h('p', {}, h('a', { href: '#/project/' + p.key }, 'Issues'), ' · ',
            modules.settings ? h('a', { href: '#/project/' + p.key + '/settings' }, 'SLA settings') : h('span', { class: 'muted' }, 'no settings module')));
      })));
  }

  function issueTable(issues, zone) {
    return h('table', { id: 'issue-table' },
      h('thead', {}, h('tr', {}, ['Key', 'Summary', 'Status', 'Priority', 'Severity', 'Assignee', 'Created', 'SLA'].map(function (t) { return h('th', {}, t); }))),
      h('tbody', {}, issues.map(function (i) {
        var f = i.fields;
        return h('tr', { 'data-issue-key': i.key },
          h('td', {}, h('a', { href: '#/issue/' + i.key }, i.key)),
          h('td', {}, f.summary),
          h('td', {}, f.status ? f.status.name : ''),
          h('td', {}, f.priority ? f.priority.name : ''),
          h('td', {}, f.customfield_10042 ? f.customfield_10042.value : ''),
          h('td', {}, f.assignee ? f.assignee.displayName : h('span', { class: 'muted' }, 'Unassigned')),
          h('td', {}, fmtTime(f.created.replace('+0000', 'Z'), zone)),
          h('td', { class: 'sla' }, slaLozenges(i.properties && i.properties.sla)));
      })));
  }

  function comments(list, zone) {
    return h('div', { id: 'comments' }, list.map(function (c) {
      return h('div', { class: 'comment' + (c.jsdPublic === false ? ' internal' : ''), 'data-comment-id': c.id },
        h('div', { class: 'meta' }, c.author.displayName, ' (', c.author.accountType, ') · ', fmtTime(c.created.replace('+0000', 'Z'), zone), c.jsdPublic === false ? ' · internal note' : ' · public'),
        h('div', {}, textOf(c.body)));
    }));
  }

  function textOf(adf) {
    var parts = [];
    (function walk(n) { if (!n || typeof n !== 'object') return; if (typeof n.text === 'string') parts.push(n.text); (n.content || []).forEach(walk); })(adf);
    return parts.join('');
  }

  window.HostViews = { h: h, select: select, projectList: projectList, issueTable: issueTable, comments: comments, slaLozenges: slaLozenges, fmtTime: fmtTime };
})();
