// The review pages' script, inlined (no network). Plain ES2017, no library. Report text never goes
// through innerHTML: tooltips are built with textContent from the JSON data island of each report.
// The severities' words and ranks are the engine's, written in.
import { SEVERITY_LABELS } from '../../engine/types.js';
import { SEVERITY_RANKS } from '../../engine/severity.js';

export const SCRIPT = String.raw`
(function () {
  'use strict';
  var SEV = ${JSON.stringify(SEVERITY_LABELS)};

  // --- One self-contained file (--format html): the summary and every report, one shown at a time.
  var pages = document.querySelectorAll('section.page');
  function route() {
    if (pages.length < 2) return;
    var hash = decodeURIComponent(location.hash.slice(1));
    var target = hash ? document.getElementById(hash) : null;
    var page = target ? (target.closest('section.page') || pages[0]) : pages[0];
    for (var i = 0; i < pages.length; i++) pages[i].toggleAttribute('data-hidden', pages[i] !== page);
    if (page.classList.contains('report')) renderReport(page);
    if (target && target !== page) target.scrollIntoView({ block: 'center' });
    else window.scrollTo(0, 0);
  }
  window.addEventListener('hashchange', route);


  // --- A report's text with its findings in place, one row per source line (the text, and beside it in
  // print the numbered notes of the findings starting on that line), built from the page's data island
  // with textContent only. A finding of zero width or over many lines is a pin at its start.
  var MAX_MARKED_LINES = 6;
  var RANK = ${JSON.stringify(SEVERITY_RANKS)};
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function lineStarts(text) {
    var starts = [0];
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return starts;
  }
  function lineEnd(text, starts, l) {
    if (l + 1 >= starts.length) return text.length;
    var end = starts[l + 1] - 1;
    if (text.charCodeAt(end) === 10 && end > starts[l] && text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
  function renderReport(section) {
    var doc = section.querySelector('.doc');
    if (!doc || doc.hasAttribute('data-rendered')) return;
    doc.setAttribute('data-rendered', '');
    doc.textContent = '';
    var data = dataOf(section);
    var text = data.text, prefix = section.id;
    var items = data.findings.map(function (f) {
      return { f: f, pin: f.start === f.end || f.endLine - f.line >= MAX_MARKED_LINES };
    });
    var byStart = items.slice().sort(function (a, b) { return a.f.start - b.f.start || a.f.n - b.f.n; });
    var starts = lineStarts(text);
    var frag = document.createDocumentFragment();
    var next = 0, open = [];
    var clamp = function (x, lo, hi) { return Math.min(Math.max(x, lo), hi); };
    for (var l = 0; l < starts.length; l++) {
      var ls = starts[l], le = lineEnd(text, starts, l), last = l === starts.length - 1;
      var starting = [];
      // Findings that start on this line or on its line break (shown at the next line's start).
      while (next < byStart.length && (last || byStart[next].f.start < starts[l + 1])) {
        if (!last && byStart[next].f.start > le) break;
        starting.push(byStart[next++]);
      }
      open = open.filter(function (it) { return it.f.end > ls; });
      starting.forEach(function (it) { if (!it.pin && it.f.end > it.f.start) open.push(it); });
      var points = [ls, le];
      open.forEach(function (it) {
        if (it.f.start > ls && it.f.start < le) points.push(it.f.start);
        if (it.f.end > ls && it.f.end < le) points.push(it.f.end);
      });
      starting.forEach(function (it) { points.push(clamp(it.f.start, ls, le)); });
      points.sort(function (a, b) { return a - b; });
      var row = el('div', 'ln' + (le === ls && !starting.length ? ' blank' : ''));
      row.appendChild(el('span', 'no', String(l + 1)));
      var tx = el('div', 'tx');
      for (var i = 0; i < points.length; i++) {
        var at = points[i];
        if (i > 0 && at === points[i - 1]) continue;
        starting.forEach(function (it) {
          if (clamp(it.f.start, ls, le) !== at) return;
          var anchor = el('span', 'a');
          anchor.id = prefix + '-f' + it.f.n;
          tx.appendChild(anchor);
          tx.appendChild(el('sup', 'fn sev-' + it.f.severity, String(it.f.n)));
          if (it.pin) {
            var pin = el('mark', 'f pin sev-' + it.f.severity);
            pin.setAttribute('data-f', String(it.f.n));
            pin.tabIndex = 0;
            tx.appendChild(pin);
          }
        });
        var end = points[i + 1];
        while (end !== undefined && end <= at) end = points[++i + 1];
        if (end === undefined) continue;
        var covering = open.filter(function (it) { return it.f.start <= at && it.f.end >= end; });
        var segment = text.slice(at, end);
        if (!covering.length) {
          tx.appendChild(document.createTextNode(segment));
          continue;
        }
        var worst = covering[0];
        covering.forEach(function (it) { if (RANK[it.f.severity] < RANK[worst.f.severity]) worst = it; });
        var mark = el('mark', 'f sev-' + worst.f.severity, segment);
        mark.setAttribute('data-f', covering.map(function (it) { return it.f.n; }).join(' '));
        mark.tabIndex = 0;
        tx.appendChild(mark);
      }
      row.appendChild(tx);
      var notes = el('aside', 'notes');
      if (starting.length) {
        var ol = el('ol');
        starting.forEach(function (it) {
          var li = el('li', 'sev-' + it.f.severity);
          li.value = it.f.n;
          var span = el('span');
          span.appendChild(el('b', 'rule-id', it.f.rule));
          span.appendChild(document.createTextNode(' ' + it.f.message));
          li.appendChild(span);
          ol.appendChild(li);
        });
        notes.appendChild(ol);
      }
      row.appendChild(notes);
      frag.appendChild(row);
    }
    doc.appendChild(frag);
    // The list of findings (screen), each linked to its place and to its rule's page.
    var list = section.querySelector('ol.finding-list');
    if (list) {
      var lf = document.createDocumentFragment();
      data.findings.forEach(function (f) {
        var li = el('li', 'sev-' + f.severity);
        li.value = f.n;
        var at = el('a', '', '第 ' + f.line + ' 行');
        at.href = '#' + prefix + '-f' + f.n;
        li.appendChild(at);
        li.appendChild(document.createTextNode(' '));
        li.appendChild(el('span', 'sev-tag', SEV[f.severity] || f.severity));
        li.appendChild(document.createTextNode(' '));
        var rule = el('a', 'rule-id', f.rule);
        rule.href = '#' + prefix + '-rule-' + f.rule;
        li.appendChild(rule);
        li.appendChild(document.createTextNode(' ' + f.message));
        if (f.fix) li.appendChild(el('span', 'fix', '（可自动修复：' + f.fix + '）'));
        lf.appendChild(li);
      });
      list.appendChild(lf);
    }
  }

  // --- Summary: sort by any column, filter by any column.
  var table = document.querySelector('table.reports');
  if (table) {
    var tbody = table.tBodies[0];
    var heads = table.querySelectorAll('tr.heads th');
    var inputs = table.querySelectorAll('tr.filters input');
    var search = document.getElementById('search');
    var shown = document.getElementById('shown');
    var ruleFilter = document.getElementById('rule-filter');
    var activeRule = '';
    var value = function (row, col) {
      var cell = row.cells[col];
      return cell ? (cell.getAttribute('data-v') !== null ? cell.getAttribute('data-v') : cell.textContent) : '';
    };
    heads.forEach(function (th, col) {
      if (!th.classList.contains('sortable')) return;
      th.addEventListener('click', function () {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var numeric = th.getAttribute('data-type') === 'number';
        var rows = Array.prototype.slice.call(tbody.rows);
        rows.sort(function (a, b) {
          var x = value(a, col), y = value(b, col), r;
          if (numeric) {
            var nx = x === '' ? -Infinity : Number(x), ny = y === '' ? -Infinity : Number(y);
            r = nx - ny;
          } else r = x.localeCompare(y, 'zh-Hans-CN');
          return asc ? r : -r;
        });
        rows.forEach(function (row) { tbody.appendChild(row); });
      });
    });
    var matches = function (text, filter, numeric) {
      var f = filter.trim();
      if (!f) return true;
      var cmp = numeric && /^(>=|<=|>|<|=)\s*(-?\d+(\.\d+)?)$/.exec(f);
      if (cmp) {
        if (text === '') return false;
        var n = Number(text), m = Number(cmp[2]);
        return cmp[1] === '>' ? n > m : cmp[1] === '<' ? n < m : cmp[1] === '>=' ? n >= m : cmp[1] === '<=' ? n <= m : n === m;
      }
      return text.toLowerCase().indexOf(f.toLowerCase()) >= 0;
    };
    var apply = function () {
      var count = 0;
      Array.prototype.forEach.call(tbody.rows, function (row) {
        var ok = true;
        inputs.forEach(function (input) {
          var col = Number(input.getAttribute('data-col'));
          var numeric = heads[col] && heads[col].getAttribute('data-type') === 'number';
          if (ok && !matches(numeric ? value(row, col) : row.cells[col].textContent, input.value, numeric)) ok = false;
        });
        if (ok && search && search.value.trim() && row.textContent.toLowerCase().indexOf(search.value.trim().toLowerCase()) < 0) ok = false;
        if (ok && activeRule && (' ' + row.getAttribute('data-rules') + ' ').indexOf(' ' + activeRule + ' ') < 0) ok = false;
        row.toggleAttribute('data-hidden', !ok);
        if (ok) count++;
      });
      if (shown) shown.textContent = String(count);
      if (ruleFilter) {
        ruleFilter.toggleAttribute('data-hidden', !activeRule);
        var name = ruleFilter.querySelector('.rule-id');
        if (name) name.textContent = activeRule;
      }
    };
    inputs.forEach(function (input) { input.addEventListener('input', apply); });
    if (search) search.addEventListener('input', apply);
    document.querySelectorAll('[data-filter-rule]').forEach(function (el) {
      el.addEventListener('click', function () {
        var rule = el.getAttribute('data-filter-rule');
        activeRule = activeRule === rule ? '' : rule;
        apply();
      });
    });
    var clear = document.getElementById('clear-rule');
    if (clear) clear.addEventListener('click', function () { activeRule = ''; apply(); });
    apply();
  }

  // --- Report pages: a finding's message, fix and rule page on hover, focus or click.
  var tip = document.createElement('div');
  tip.className = 'tooltip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.appendChild(tip);
  var pinned = null;
  var dataOf = function (section) {
    if (!section) return { text: '', findings: [] };
    if (!section._data) {
      var island = section.querySelector('script.report-data');
      section._data = island ? JSON.parse(island.textContent) : { text: '', findings: [] };
    }
    return section._data;
  };
  var show = function (mark) {
    var section = mark.closest('section.report');
    var data = dataOf(section).findings;
    var ids = (mark.getAttribute('data-f') || '').split(' ');
    tip.textContent = '';
    ids.forEach(function (id) {
      var f = data[Number(id) - 1];
      if (!f) return;
      var item = document.createElement('div');
      item.className = 'item sev-' + f.severity;
      var head = document.createElement('div');
      var tag = document.createElement('span');
      tag.className = 'sev-tag';
      tag.textContent = SEV[f.severity] || f.severity;
      head.appendChild(tag);
      head.appendChild(document.createTextNode(' ' + f.n + '. '));
      var link = document.createElement('a');
      link.className = 'rule-id';
      link.href = '#' + section.id + '-rule-' + f.rule;
      link.textContent = f.rule;
      head.appendChild(link);
      head.appendChild(document.createTextNode('  第 ' + f.line + ' 行'));
      item.appendChild(head);
      var msg = document.createElement('div');
      msg.className = 'message';
      msg.textContent = f.message;
      item.appendChild(msg);
      var fixes = (f.fix ? [f.fix] : []).concat(f.suggestions || []);
      fixes.forEach(function (title, i) {
        var fix = document.createElement('div');
        fix.className = 'fix';
        fix.textContent = (i === 0 && f.fix ? '修复：' : '建议：') + title;
        item.appendChild(fix);
      });
      tip.appendChild(item);
    });
    var r = mark.getBoundingClientRect();
    tip.hidden = false;
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = left + 'px';
    tip.style.top = (window.scrollY + r.bottom + 6) + 'px';
  };
  var hide = function () { if (!pinned) tip.hidden = true; };
  document.addEventListener('mouseover', function (e) {
    var mark = e.target.closest && e.target.closest('mark.f');
    if (mark && !pinned) show(mark);
  });
  document.addEventListener('mouseout', function (e) {
    var mark = e.target.closest && e.target.closest('mark.f');
    if (mark && !(e.relatedTarget && tip.contains(e.relatedTarget))) hide();
  });
  document.addEventListener('focusin', function (e) {
    if (e.target.matches && e.target.matches('mark.f')) show(e.target);
  });
  document.addEventListener('click', function (e) {
    var mark = e.target.closest && e.target.closest('mark.f');
    if (mark) { pinned = mark; show(mark); return; }
    if (!tip.contains(e.target)) { pinned = null; tip.hidden = true; }
  });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { pinned = null; tip.hidden = true; } });
  // Everything is defined: render the report of a page of its own, or route the single file.
  if (pages.length < 2) {
    document.querySelectorAll('section.report').forEach(renderReport);
    // A link to a finding's anchor (#r3-f5) rendered after load: scroll to it.
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target) target.scrollIntoView({ block: 'center' });
  }
  route();
})();
`;
