// The Network Diagnostics page: plain JavaScript, no dependency, no inline script (the CSP forbids it).
'use strict';

const ICONS = { pass: '✅', fail: '❌', warn: '⚠', skipped: '–' };
const $ = (id) => document.getElementById(id);
let report = null;
let polling = null;
let listRequest = 0; // only the latest guide listing or search may fill the list

// A token given as #token=... (for a service bound beyond loopback) is kept for this tab only and removed from the URL.
(function takeToken() {
  const m = location.hash.match(/token=([^&]+)/);
  if (m) {
    sessionStorage.setItem('netdoctor-token', decodeURIComponent(m[1]));
    history.replaceState(null, '', location.pathname);
  }
})();

function api(path) {
  const headers = { Accept: 'application/json' };
  const token = sessionStorage.getItem('netdoctor-token');
  if (token) headers.Authorization = 'Bearer ' + token;
  return fetch(path, { headers }).then((r) => {
    if (!r.ok) return r.json().catch(() => ({})).then((b) => { throw new Error(b.error || ('HTTP ' + r.status)); });
    return r.json();
  });
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

// Fix steps mark commands with `backticks`: shown as code, still as text nodes (never parsed as HTML).
function withCode(text) {
  const span = el('span');
  text.split('`').forEach((part, i) => span.append(i % 2 ? el('code', { text: part }) : part));
  return span;
}

function guideLink(code, guides) {
  const id = guides[code] || code;
  return el('a', { class: 'code', href: '#guide/' + encodeURIComponent(id), 'data-guide': id, text: code });
}

function run(fresh) {
  $('run').disabled = true;
  $('copy').disabled = true;
  $('status').className = '';
  $('status').textContent = 'Running checks…';
  $('progress').hidden = false;
  polling = setInterval(showProgress, 300);
  api('/api/system/network/diagnostics' + (fresh ? '?fresh=true' : ''))
    .then(render)
    .catch((e) => { $('status').className = 'fail'; $('status').textContent = 'Diagnostics failed: ' + e.message; })
    .finally(() => { clearInterval(polling); $('progress').hidden = true; $('run').disabled = false; });
}

function showProgress() {
  api('/api/system/network/diagnostics/progress').then((p) => {
    if (p.running) $('status').textContent = 'Running checks… ' + p.finished.length + ' finished';
  }).catch(() => {});
}

function render(doc) {
  report = doc;
  const r = doc.report;
  $('status').textContent = doc.summary + (doc.reused ? ' (from ' + Math.round(doc.ageMs / 1000) + ' s ago)' : '');
  $('status').className = doc.healthy ? 'pass' : 'fail';
  $('tool').textContent = r.tool + ' · report schema ' + r.schema + ' · API schema ' + doc.schemaVersion;
  const body = $('checks').querySelector('tbody');
  body.replaceChildren();
  for (const c of r.checks) {
    const status = c.status.toLowerCase();
    const code = c.code ? guideLink(c.code + (c.cause ? '/' + c.cause : ''), doc.guides) : '';
    if (code) { code.setAttribute('href', '#guide/' + encodeURIComponent(doc.guides[c.code] || c.code));
      code.setAttribute('data-guide', doc.guides[c.code] || c.code); }
    body.append(el('tr', { class: 'check' + (c.control ? ' control' : ''), 'data-status': status,
        'data-check': c.check },
      el('td', { class: 'icon', title: status, text: ICONS[status] || '' }),
      el('td', { class: 'name', text: c.check }), el('td', { class: 'target', text: c.target }),
      el('td', { class: 'summary', text: c.summary + (c.control ? ' (control)' : '') }),
      el('td', { class: 'codecell' }, code), el('td', { class: 'ms', text: c.elapsedMs + ' ms' })));
  }
  $('checks').hidden = false;
  const findings = $('findings');
  findings.replaceChildren();
  for (const f of r.findings) {
    const steps = el('ol');
    for (const s of f.fix) steps.append(el('li', {}, withCode(s)));
    const link = guideLink(f.code + (f.cause ? '/' + f.cause : ''), doc.guides);
    if (f.guide) { link.setAttribute('href', '#guide/' + encodeURIComponent(f.guide)); link.setAttribute('data-guide', f.guide); }
    findings.append(el('div', { class: 'finding ' + f.severity },
      el('h3', {}, (f.severity === 'ERROR' ? '❌ ' : f.severity === 'WARNING' ? '⚠ ' : 'ℹ '), link,
        ' ' + (f.name || '')),
      el('p', { text: f.summary }),
      f.targets.length ? el('p', { class: 'targets', text: 'Affects: ' + f.targets.join(', ') }) : null,
      steps));
  }
  $('actions').hidden = r.findings.length === 0;
  $('copy').disabled = false;
}

function copy() {
  if (!report) return;
  const done = () => { $('copied').textContent = 'Copied'; setTimeout(() => { $('copied').textContent = ''; }, 3000); };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(report.markdown).then(done, () => fallbackCopy(report.markdown) && done());
  } else if (fallbackCopy(report.markdown)) {
    done();
  }
}

function fallbackCopy(text) {
  const t = el('textarea', { readonly: '' });
  t.value = text;
  document.body.append(t);
  t.select();
  const ok = document.execCommand('copy');
  t.remove();
  if (!ok) $('copied').textContent = 'Copy failed: select the report from the API instead';
  return ok;
}

function showGuides() {
  $('checks-view').hidden = true;
  $('guides-view').hidden = false;
  if (!$('guide-list').children.length && !listRequest) {
    const mine = ++listRequest;
    api('/api/kb').then((guides) => {
      if (mine === listRequest) listGuides(guides.map((g) => ({ id: g.id, title: g.title })));
    });
  }
}

function listGuides(items) {
  const list = $('guide-list');
  list.replaceChildren();
  for (const g of items) {
    list.append(el('li', {}, el('a', { href: '#guide/' + encodeURIComponent(g.id), 'data-guide': g.id, text: g.title })));
  }
  if (!items.length) list.append(el('li', { text: 'No guide matches.' }));
}

function showGuide(id) {
  showGuides();
  api('/api/kb/' + encodeURIComponent(id) + '?format=json').then((g) => {
    const article = $('guide');
    article.setAttribute('data-guide', g.id);
    // The server renders guides with raw HTML escaped and URLs sanitised.
    article.innerHTML = g.html;
  }).catch((e) => { $('guide').textContent = 'No guide: ' + e.message; });
}

function route() {
  const h = decodeURIComponent(location.hash.slice(1));
  if (h.startsWith('guide/')) showGuide(h.slice(6));
  else if (h === 'guides') showGuides();
  else { $('guides-view').hidden = true; $('checks-view').hidden = false; }
}

document.addEventListener('DOMContentLoaded', () => {
  $('run').addEventListener('click', () => run(true));
  $('copy').addEventListener('click', copy);
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = $('search').value.trim();
    if (!q) return;
    const mine = ++listRequest;
    api('/api/kb/search?q=' + encodeURIComponent(q)).then((r) => { if (mine === listRequest) listGuides(r.hits); });
  });
  window.addEventListener('hashchange', route);
  route();
  run(false);
});
