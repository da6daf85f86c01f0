/*
 * pcluster console: a single-page UI over the console's REST API (no build step, no libraries).
 *
 * Every value from the API (cluster names, tags, log lines, job output, stack event reasons...) is
 * untrusted: it only ever reaches the page through textContent, element properties or
 * setAttribute of data-* attributes, never parsed as markup. Links are made only from http(s) URLs.
 *
 * Credentials: the sign-in form's user/password (HTTP Basic) or token (Bearer) are kept in
 * sessionStorage of this tab and sent in the Authorization header; fetch uses credentials: 'omit'
 * so the browser never pops up its own dialog nor sends cached credentials. State-changing calls
 * carry the CSRF token of GET api/session in X-CSRF-Token.
 *
 * Stable ids (each element also has data-testid with the same value), for the browser tests:
 *   views:     login-view, clusters-view, cluster-view, create-view, runs-view, notice (errors / info)
 *   header:    nav, nav-clusters, nav-create, nav-runs, whoami, logout
 *   sign-in:   login-form, login-user, login-password, login-token, login-submit, login-error
 *   clusters:  clusters-table, auto-refresh, clusters-refresh, clusters-updated, clusters-empty;
 *              rows: tr[data-testid=cluster-row][data-cluster=NAME] with cells
 *              td[data-testid=cluster-name|cluster-status|cluster-age|cluster-region|cluster-scheduler|
 *              cluster-headnode|cluster-queues|cluster-fleet|cluster-tags]; the name cell holds
 *              button[data-testid=cluster-open]; tags are span[data-testid=cluster-tag]
 *   cluster:   cluster-name, cluster-status (DELETED once the API answers 404; polling stops), cluster-summary, fleet-status, fleet-start, fleet-stop,
 *              tabs tab-jobs|tab-instances|tab-events|tab-logs|tab-config|tab-delete and panels
 *              panel-jobs|panel-instances|panel-events|panel-logs|panel-config|panel-delete,
 *              instances-table (rows tr[data-testid=instance-row]), events-table
 *              (rows tr[data-testid=event-row]), log-streams (select), log-show, log-events,
 *              cluster-config, delete-confirm, delete-submit (enabled when the name matches),
 *              delete-result
 *   jobs:      jobs-table (rows tr[data-testid=job-row][data-job=ID], cells td[data-testid=job-id|
 *              job-state|job-exit]; buttons button[data-testid=job-output-button|job-cancel]),
 *              jobs-refresh, job-form, job-script, job-name, job-partition, job-nodes, job-ntasks,
 *              job-time, job-submit, job-submitted (text "submitted job ID", data-job=ID),
 *              job-output-id, job-output
 *   create:    create-form, create-name, create-template, overrides (rows div[data-testid=override-row]
 *              with input[data-testid=override-path|override-value], button[data-testid=override-remove]),
 *              override-add, tags (rows div[data-testid=tag-row] with input[data-testid=tag-key|tag-value]),
 *              tag-add, create-validate, create-submit, create-result (data-outcome=valid|invalid|created|error),
 *              create-messages (li[data-testid=create-message][data-level=ERROR|WARNING|INFO])
 *   runs:      runs-table (rows tr[data-testid=run-row][data-run=ID], cells td[data-testid=run-input|
 *              run-cluster|run-job|run-state|run-duration|run-result]), runs-refresh, runs-empty,
 *              run-detail, run-id, run-error, run-timeline (li[data-testid=run-step][data-step=NAME]
 *              [data-outcome=RUNNING|SUCCEEDED|FAILED])
 * Routes (location.hash): #/clusters, #/clusters/NAME, #/create, #/runs, #/runs/RUNID
 */
(function () {
  'use strict';

  const API = document.querySelector('meta[name="pcluster-api"]').getAttribute('content');
  const AUTH_KEY = 'pcluster-console-authorization';
  const REFRESH_MS = 5000;

  let csrfToken = null;
  let refreshTimer = null;
  let currentCluster = null;
  let currentTab = 'jobs';
  let clusterGone = false;

  const $ = (id) => document.getElementById(id);

  // ---- DOM helpers: text only

  /** An element with text content and safe attributes (no event handler or URL attributes). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      if (name === 'className') node.className = value;
      else if (name === 'testid') node.setAttribute('data-testid', value);
      else if (name.startsWith('data-') || ['title', 'type', 'value', 'placeholder', 'colspan'].includes(name)) {
        node.setAttribute(name, String(value));
      } else {
        throw new Error('attribute not allowed: ' + name);
      }
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function clear(node) {
    node.replaceChildren();
  }

  function show(id, visible) {
    $(id).hidden = !visible;
  }

  function notice(message, kind) {
    const box = $('notice');
    box.textContent = message;
    box.className = kind === 'info' ? 'info' : '';
    box.hidden = !message;
  }

  function fmtTime(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  }

  function fmtDuration(ms) {
    if (ms === null || ms === undefined || isNaN(ms) || ms < 0) return '';
    if (ms < 1000) return Math.round(ms) + 'ms';
    const s = Math.floor(ms / 1000);
    if (s < 60) return s + 's';
    const m = Math.floor(s / 60);
    if (m < 60) return m + 'm ' + (s % 60) + 's';
    const h = Math.floor(m / 60);
    if (h < 48) return h + 'h ' + (m % 60) + 'm';
    return Math.floor(h / 24) + 'd ' + (h % 24) + 'h';
  }

  function age(iso) {
    return iso ? fmtDuration(Date.now() - new Date(iso).getTime()) : '';
  }

  function statusClass(status) {
    const s = String(status || '');
    if (/FAILED|CANCELLED|TIMEOUT|ABANDONED/.test(s)) return 'status bad';
    if (/IN_PROGRESS|REQUESTED|QUEUED|RUNNING|PENDING|STARTING|STOPPING/.test(s)) return 'status progress';
    return 'status ok';
  }

  // ---- API calls

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.error) || ('HTTP ' + status));
      this.status = status;
      this.body = body || {};
    }
  }

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    const authorization = sessionStorage.getItem(AUTH_KEY);
    if (authorization) headers['Authorization'] = authorization;
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    }
    const response = await fetch(API + path, {
      method,
      headers,
      credentials: 'omit',
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch (e) { data = { error: text.slice(0, 200) }; }
    }
    if (response.status === 401) {
      signedOut('Please sign in.');
      throw new ApiError(401, data);
    }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  /** A state-changing call; on a stale CSRF token (console restarted) fetches a new one once. */
  async function change(method, path, body) {
    try {
      return await api(method, path, body);
    } catch (e) {
      if (e.status === 403 && /CSRF/.test(e.message)) {
        await loadSession();
        return api(method, path, body);
      }
      throw e;
    }
  }

  function showError(e) {
    if (e && e.status === 401) return;
    notice(e && e.message ? e.message : String(e));
  }

  // ---- session

  async function loadSession() {
    const session = await api('GET', '/session');
    csrfToken = session.csrfToken;
    $('whoami').textContent = session.user;
    return session;
  }

  function signedOut(message) {
    sessionStorage.removeItem(AUTH_KEY);
    csrfToken = null;
    stopRefresh();
    $('whoami').textContent = '';
    show('logout', false);
    show('nav', false);
    show('app-view', false);
    show('login-view', true);
    const error = $('login-error');
    error.textContent = message || '';
    error.hidden = !message;
  }

  async function signIn(event) {
    event.preventDefault();
    const user = $('login-user').value;
    const password = $('login-password').value;
    const token = $('login-token').value.trim();
    let authorization;
    if (token) {
      authorization = 'Bearer ' + token;
    } else if (user) {
      const bytes = new TextEncoder().encode(user + ':' + password);
      let binary = '';
      bytes.forEach((b) => { binary += String.fromCharCode(b); });
      authorization = 'Basic ' + btoa(binary);
    } else {
      $('login-error').textContent = 'Enter a user and password, or a token.';
      $('login-error').hidden = false;
      return;
    }
    sessionStorage.setItem(AUTH_KEY, authorization);
    try {
      await loadSession();
    } catch (e) {
      signedOut(e.status === 401 ? 'Wrong user, password or token.' : e.message);
      return;
    }
    $('login-password').value = '';
    $('login-token').value = '';
    signedIn();
  }

  function signedIn() {
    show('login-view', false);
    show('logout', true);
    show('nav', true);
    show('app-view', true);
    route();
  }

  // ---- routing

  const VIEWS = ['clusters-view', 'cluster-view', 'create-view', 'runs-view'];

  function showView(id) {
    VIEWS.forEach((view) => show(view, view === id));
    for (const [link, view] of [['nav-clusters', 'clusters-view'], ['nav-create', 'create-view'], ['nav-runs', 'runs-view']]) {
      $(link).className = view === id ? 'active' : '';
    }
  }

  function route() {
    stopRefresh();
    notice('');
    const parts = location.hash.replace(/^#\/?/, '').split('/');
    const page = parts[0] || 'clusters';
    const arg = parts.length > 1 ? decodeURIComponent(parts.slice(1).join('/')) : null;
    if (page === 'clusters' && arg) {
      openCluster(arg);
    } else if (page === 'create') {
      showView('create-view');
      loadTemplates();
    } else if (page === 'runs') {
      showView('runs-view');
      loadRuns(arg);
    } else {
      showView('clusters-view');
      loadClusters();
      startRefresh(loadClusters);
    }
  }

  function startRefresh(task) {
    stopRefresh();
    refreshTimer = setInterval(() => {
      if ($('auto-refresh').checked) task();
    }, REFRESH_MS);
  }

  function stopRefresh() {
    if (refreshTimer) clearInterval(refreshTimer);
    refreshTimer = null;
  }

  // ---- clusters list

  async function loadClusters() {
    let clusters;
    try {
      clusters = await api('GET', '/clusters');
    } catch (e) {
      showError(e);
      return;
    }
    const body = $('clusters-body');
    clear(body);
    for (const c of clusters) {
      const open = el('button', { type: 'button', testid: 'cluster-open' }, c.name);
      open.addEventListener('click', () => { location.hash = '#/clusters/' + encodeURIComponent(c.name); });
      const head = c.headNode
        ? [c.headNode.instanceType, c.headNode.state, c.headNode.publicIpAddress || c.headNode.privateIpAddress]
            .filter(Boolean).join(' · ')
        : '';
      const tags = el('td', { testid: 'cluster-tags' });
      for (const [key, value] of Object.entries(c.tags || {})) {
        tags.append(el('span', { className: 'tag', testid: 'cluster-tag', title: key + '=' + value }, key + '=' + value));
      }
      body.append(el('tr', { testid: 'cluster-row', 'data-cluster': c.name },
        el('td', { className: 'name', testid: 'cluster-name' }, open),
        el('td', { className: statusClass(c.status), testid: 'cluster-status' }, c.status || ''),
        el('td', { testid: 'cluster-age', title: fmtTime(c.creationTime) }, age(c.creationTime)),
        el('td', { testid: 'cluster-region' }, c.region || ''),
        el('td', { testid: 'cluster-scheduler' }, c.scheduler || ''),
        el('td', { testid: 'cluster-headnode' }, head),
        el('td', { testid: 'cluster-queues' }, (c.queues || []).join(', ')),
        el('td', { testid: 'cluster-fleet' }, c.computeFleetStatus || ''),
        tags));
    }
    show('clusters-empty', clusters.length === 0);
    $('clusters-updated').textContent = 'updated ' + new Date().toLocaleTimeString();
  }

  // ---- one cluster

  function clusterPath(suffix) {
    return '/clusters/' + encodeURIComponent(currentCluster) + (suffix || '');
  }

  async function openCluster(name) {
    currentCluster = name;
    showView('cluster-view');
    $('cluster-name').textContent = name;
    $('delete-confirm').value = '';
    $('delete-submit').disabled = true;
    $('delete-result').textContent = '';
    $('job-output').textContent = '';
    $('job-output-id').textContent = '';
    $('job-submitted').textContent = '';
    await loadCluster();
    selectTab(currentTab);
    startRefresh(() => { loadCluster(); if (currentTab === 'jobs') loadJobs(); });
  }

  async function loadCluster() {
    let c;
    try {
      c = await api('GET', clusterPath());
    } catch (e) {
      if (e.status === 404) {
        // deleted (or never existed): say so once and stop polling; there is no head node to ask
        clusterGone = true;
        stopRefresh();
        const status = $('cluster-status');
        status.textContent = 'DELETED';
        status.className = 'status bad';
        notice('Cluster ' + currentCluster + ' does not exist (any more).', 'info');
        return;
      }
      showError(e);
      return;
    }
    clusterGone = false;
    const status = $('cluster-status');
    status.textContent = c.status || '';
    status.className = statusClass(c.status);
    $('fleet-status').textContent = c.computeFleetStatus || '';
    const summary = $('cluster-summary');
    clear(summary);
    const rows = [
      ['Region', c.region], ['Version', c.version], ['Scheduler', c.scheduler],
      ['Stack status', c.stackStatus], ['Created', fmtTime(c.creationTime) + (c.creationTime ? ' (' + age(c.creationTime) + ' ago)' : '')],
      ['Last updated', fmtTime(c.lastUpdatedTime)],
      ['Head node', c.headNode ? [c.headNode.instanceId, c.headNode.instanceType, c.headNode.state,
        c.headNode.privateIpAddress, c.headNode.publicIpAddress].filter(Boolean).join(' · ') : ''],
      ['Queues', (c.queues || []).join(', ')],
      ['Tags', Object.entries(c.tags || {}).map(([k, v]) => k + '=' + v).join('\n')],
      ['Failures', (c.failures || []).join('\n')],
    ];
    for (const [label, value] of rows) {
      if (!value) continue;
      summary.append(el('dt', {}, label), el('dd', { testid: 'summary-' + label.toLowerCase().replace(/\s+/g, '-') }, value));
    }
  }

  function selectTab(tab) {
    currentTab = tab;
    for (const button of document.querySelectorAll('#cluster-tabs button')) {
      const active = button.getAttribute('data-tab') === tab;
      button.className = active ? 'active' : '';
      show('panel-' + button.getAttribute('data-tab'), active);
    }
    ({ jobs: loadJobs, instances: loadInstances, events: loadEvents, logs: loadLogStreams, config: loadConfig, delete: () => {} })[tab]();
  }

  async function fleet(action) {
    try {
      const answer = await change('POST', clusterPath('/fleet'), { action });
      $('fleet-status').textContent = answer.status || '';
      notice('Fleet ' + action + ' requested.', 'info');
    } catch (e) {
      showError(e);
    }
  }

  async function loadInstances() {
    try {
      const instances = await api('GET', clusterPath('/instances'));
      const body = $('instances-body');
      clear(body);
      for (const i of instances) {
        body.append(el('tr', { testid: 'instance-row' },
          el('td', {}, i.instanceId), el('td', {}, i.instanceType), el('td', {}, i.nodeType),
          el('td', {}, i.queueName || i.poolName || ''), el('td', {}, i.state),
          el('td', {}, i.privateIpAddress || ''), el('td', {}, i.publicIpAddress || ''),
          el('td', {}, fmtTime(i.launchTime))));
      }
    } catch (e) {
      showError(e);
    }
  }

  async function loadEvents() {
    try {
      const events = await api('GET', clusterPath('/stack-events'));
      const body = $('events-body');
      clear(body);
      for (const ev of events) {
        body.append(el('tr', { testid: 'event-row' },
          el('td', {}, fmtTime(ev.timestamp)), el('td', {}, ev.logicalResourceId || ''),
          el('td', {}, ev.resourceType || ''),
          el('td', { className: statusClass(ev.resourceStatus) }, ev.resourceStatus || ''),
          el('td', {}, ev.resourceStatusReason || '')));
      }
    } catch (e) {
      showError(e);
    }
  }

  async function loadLogStreams() {
    try {
      const streams = await api('GET', clusterPath('/log-streams'));
      const select = $('log-streams');
      clear(select);
      for (const s of streams) {
        const option = el('option', { testid: 'log-stream' }, s.logStreamName);
        option.value = s.logStreamName;
        select.append(option);
      }
      $('log-events').textContent = streams.length ? '' : 'No log streams.';
    } catch (e) {
      showError(e);
    }
  }

  async function showLogEvents() {
    const stream = $('log-streams').value;
    if (!stream) return;
    try {
      const events = await api('GET', clusterPath('/log-events?stream=' + encodeURIComponent(stream) + '&limit=200'));
      $('log-events').textContent = events.map((ev) => fmtTime(ev.timestamp) + '  ' + ev.message).join('\n') || '(no events)';
    } catch (e) {
      showError(e);
    }
  }

  async function loadConfig() {
    try {
      const config = await api('GET', clusterPath('/configuration'));
      $('cluster-config').textContent = config.yaml;
    } catch (e) {
      $('cluster-config').textContent = '';
      showError(e);
    }
  }

  async function deleteCluster() {
    const confirm = $('delete-confirm').value;
    if (confirm !== currentCluster) return;
    try {
      const answer = await change('DELETE', clusterPath(), { confirm });
      $('delete-result').textContent = 'Deletion started: ' + ((answer && answer.clusterStatus) || 'DELETE_IN_PROGRESS');
      $('delete-submit').disabled = true;
    } catch (e) {
      showError(e);
    }
  }

  // ---- jobs

  async function loadJobs() {
    if (clusterGone) {
      clear($('jobs-body'));
      return;
    }
    let jobs;
    try {
      jobs = await api('GET', clusterPath('/jobs'));
    } catch (e) {
      showError(e);
      return;
    }
    const body = $('jobs-body');
    clear(body);
    jobs.sort((a, b) => String(b.jobId).localeCompare(String(a.jobId), 'en', { numeric: true }));
    for (const j of jobs) {
      const outputButton = el('button', { type: 'button', testid: 'job-output-button' }, 'Output');
      outputButton.addEventListener('click', () => showOutput(j.jobId));
      const actions = el('td', {}, outputButton);
      if (!['COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT', 'UNKNOWN'].includes(j.state)) {
        const cancel = el('button', { type: 'button', testid: 'job-cancel' }, 'Cancel');
        cancel.addEventListener('click', () => cancelJob(j.jobId));
        actions.append(' ', cancel);
      }
      const exit = j.exitCode === null || j.exitCode === undefined ? '' : j.exitCode + (j.signal ? ':' + j.signal : '');
      body.append(el('tr', { testid: 'job-row', 'data-job': j.jobId },
        el('td', { testid: 'job-id' }, j.jobId), el('td', {}, j.name),
        el('td', { className: statusClass(j.state), testid: 'job-state', title: j.rawState || '' }, j.state),
        el('td', {}, j.partition || ''), el('td', {}, j.nodeList || ''),
        el('td', { testid: 'job-exit' }, exit), el('td', {}, fmtTime(j.submitted)),
        el('td', {}, fmtTime(j.started)), el('td', {}, fmtTime(j.ended)),
        el('td', {}, j.reason || ''), actions));
    }
  }

  function optionalInt(id) {
    const value = $(id).value.trim();
    return value ? parseInt(value, 10) : null;
  }

  function optionalText(id) {
    const value = $(id).value.trim();
    return value || null;
  }

  async function submitJob(event) {
    event.preventDefault();
    const form = {
      script: $('job-script').value,
      jobName: optionalText('job-name'),
      partition: optionalText('job-partition'),
      nodes: optionalInt('job-nodes'),
      ntasks: optionalInt('job-ntasks'),
      timeLimit: optionalText('job-time'),
    };
    try {
      const answer = await change('POST', clusterPath('/jobs'), form);
      const submitted = $('job-submitted');
      submitted.textContent = 'submitted job ' + answer.jobId;
      submitted.setAttribute('data-job', answer.jobId);
      loadJobs();
    } catch (e) {
      showError(e);
    }
  }

  async function cancelJob(jobId) {
    try {
      await change('DELETE', clusterPath('/jobs/' + encodeURIComponent(jobId)));
      notice('Cancellation of job ' + jobId + ' requested.', 'info');
      loadJobs();
    } catch (e) {
      showError(e);
    }
  }

  async function showOutput(jobId) {
    $('job-output-id').textContent = jobId;
    try {
      const output = await api('GET', clusterPath('/jobs/' + encodeURIComponent(jobId) + '/output'));
      $('job-output').textContent = output.output === null || output.output === undefined
        ? '(no output yet)'
        : (output.truncated ? '[... last part of ' + output.size + ' bytes]\n' : '') + output.output;
    } catch (e) {
      $('job-output').textContent = '';
      showError(e);
    }
  }

  // ---- create

  async function loadTemplates() {
    try {
      const templates = await api('GET', '/templates');
      const select = $('create-template');
      const selected = select.value;
      clear(select);
      for (const t of templates) {
        const option = el('option', {}, t.name);
        option.value = t.name;
        select.append(option);
      }
      if (selected) select.value = selected;
      if ($('overrides').children.length === 0) addRow('overrides', 'override', 'Scheduling.SlurmQueues[0].ComputeResources[0].MaxCount', '');
    } catch (e) {
      showError(e);
    }
  }

  function addRow(containerId, kind, keyPlaceholder, valuePlaceholder) {
    const key = el('input', { testid: kind === 'override' ? 'override-path' : 'tag-key', placeholder: keyPlaceholder });
    const value = el('input', { testid: kind === 'override' ? 'override-value' : 'tag-value', placeholder: valuePlaceholder });
    const remove = el('button', { type: 'button', testid: kind + '-remove' }, 'Remove');
    const row = el('div', { className: 'row', testid: kind + '-row' }, key, value, remove);
    remove.addEventListener('click', () => row.remove());
    $(containerId).append(row);
  }

  function rows(containerId) {
    const result = {};
    for (const row of $(containerId).children) {
      const inputs = row.querySelectorAll('input');
      const key = inputs[0].value.trim();
      if (key) result[key] = inputs[1].value;
    }
    return result;
  }

  function createForm(dryRun) {
    const overrides = {};
    for (const [path, value] of Object.entries(rows('overrides'))) {
      if (value !== '') overrides[path] = value;
    }
    return {
      clusterName: $('create-name').value.trim(),
      template: $('create-template').value,
      overrides,
      tags: rows('tags'),
      dryRun,
    };
  }

  function showMessages(messages) {
    const list = $('create-messages');
    clear(list);
    for (const m of messages || []) {
      list.append(el('li', { testid: 'create-message', 'data-level': m.level || '', className: m.level || '' },
        '[' + (m.level || '') + '] ' + (m.type ? m.type + ': ' : '') + (m.message || '')));
    }
  }

  function createResult(outcome, text) {
    const result = $('create-result');
    result.textContent = text;
    result.setAttribute('data-outcome', outcome);
    result.className = outcome === 'invalid' || outcome === 'error' ? 'error' : '';
  }

  async function create(dryRun) {
    notice('');
    createResult('', dryRun ? 'Validating...' : 'Creating...');
    showMessages([]);
    try {
      const answer = await change('POST', '/clusters', createForm(dryRun));
      showMessages(answer.validationMessages);
      if (dryRun) {
        createResult('valid', 'Valid: ' + (answer.message || 'the request would succeed'));
      } else {
        createResult('created', 'Creating ' + answer.clusterName + ' (' + (answer.status || '') + ')');
        location.hash = '#/clusters/' + encodeURIComponent(answer.clusterName);
      }
    } catch (e) {
      if (e.status === 401) return;
      showMessages(e.body.validationMessages);
      createResult(e.status === 400 ? 'invalid' : 'error', e.message);
    }
  }

  // ---- pipeline runs

  function durationOf(run) {
    if (!run.started) return '';
    const end = run.ended ? new Date(run.ended).getTime() : Date.now();
    return fmtDuration(end - new Date(run.started).getTime()) + (run.ended ? '' : ' (running)');
  }

  function resultCell(run) {
    const cell = el('td', { testid: 'run-result' });
    if (run.resultLink && /^https?:\/\//i.test(run.resultLink)) {
      const link = document.createElement('a');
      link.href = run.resultLink;
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      link.textContent = run.resultPrefix || 'results';
      cell.append(link);
    } else if (run.resultPrefix) {
      cell.append(run.resultPrefix);
    }
    return cell;
  }

  async function loadRuns(selected) {
    let runs;
    try {
      runs = await api('GET', '/pipeline-runs');
    } catch (e) {
      showError(e);
      return;
    }
    const body = $('runs-body');
    clear(body);
    for (const r of runs) {
      const input = r.input ? r.input.bucket + '/' + r.input.key : '';
      const row = el('tr', { testid: 'run-row', 'data-run': r.runId },
        el('td', { title: r.runId }, fmtTime(r.started)), el('td', {}, r.pipelineId),
        el('td', { testid: 'run-input', title: input }, input),
        el('td', { testid: 'run-cluster' }, r.clusterName || ''),
        el('td', { testid: 'run-job' }, r.jobId || ''),
        el('td', { className: statusClass(r.state), testid: 'run-state' }, r.state),
        el('td', { testid: 'run-duration' }, durationOf(r)), resultCell(r));
      row.addEventListener('click', () => { location.hash = '#/runs/' + encodeURIComponent(r.runId); });
      body.append(row);
    }
    show('runs-empty', runs.length === 0);
    if (selected) showRun(selected);
    else show('run-detail', false);
  }

  async function showRun(runId) {
    let run;
    try {
      run = await api('GET', '/pipeline-runs/' + encodeURIComponent(runId));
    } catch (e) {
      showError(e);
      return;
    }
    show('run-detail', true);
    $('run-id').textContent = run.runId;
    $('run-error').textContent = run.error || '';
    const timeline = $('run-timeline');
    clear(timeline);
    const start = new Date(run.started).getTime();
    const end = run.ended ? new Date(run.ended).getTime() : Date.now();
    const total = Math.max(end - start, 1);
    for (const step of run.steps || []) {
      const s = new Date(step.started).getTime();
      const e = step.ended ? new Date(step.ended).getTime() : end;
      const span = el('div', { className: 'span' });
      span.style.left = (100 * (s - start) / total) + '%';
      span.style.width = (100 * Math.max(e - s, 0) / total) + '%';
      timeline.append(el('li', { className: step.outcome, testid: 'run-step', 'data-step': step.name, 'data-outcome': step.outcome },
        el('span', { title: step.error || '' }, step.name),
        el('div', { className: 'track' }, span),
        el('span', {}, fmtDuration(e - s) + ' ' + step.outcome + (step.error ? ': ' + step.error : ''))));
    }
  }

  // ---- wiring

  document.addEventListener('DOMContentLoaded', async () => {
    $('login-form').addEventListener('submit', signIn);
    $('logout').addEventListener('click', () => signedOut(''));
    $('clusters-refresh').addEventListener('click', loadClusters);
    $('fleet-start').addEventListener('click', () => fleet('start'));
    $('fleet-stop').addEventListener('click', () => fleet('stop'));
    for (const button of document.querySelectorAll('#cluster-tabs button')) {
      button.addEventListener('click', () => selectTab(button.getAttribute('data-tab')));
    }
    $('log-show').addEventListener('click', showLogEvents);
    $('jobs-refresh').addEventListener('click', loadJobs);
    $('job-form').addEventListener('submit', submitJob);
    $('delete-confirm').addEventListener('input', () => {
      $('delete-submit').disabled = $('delete-confirm').value !== currentCluster;
    });
    $('delete-submit').addEventListener('click', deleteCluster);
    $('override-add').addEventListener('click', () => addRow('overrides', 'override', 'path', 'value'));
    $('tag-add').addEventListener('click', () => addRow('tags', 'tag', 'key', 'value'));
    $('create-validate').addEventListener('click', () => create(true));
    $('create-form').addEventListener('submit', (event) => { event.preventDefault(); create(false); });
    $('runs-refresh').addEventListener('click', () => loadRuns(null));
    window.addEventListener('hashchange', () => { if (csrfToken) route(); });

    if (sessionStorage.getItem(AUTH_KEY)) {
      try {
        await loadSession();
        signedIn();
        return;
      } catch (e) {
        if (e.status !== 401) signedOut(e.message);
        return;
      }
    }
    signedOut('');
  });
})();
