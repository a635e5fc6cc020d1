// Webview side of the jcodex chat: renders what ChatSession posts and sends the user's actions back.
(function () {
  const vscode = acquireVsCodeApi();
  const $ = (id) => document.getElementById(id);
  const log = $('log'), prompt = $('prompt'), mentionsBox = $('mentions');
  const nodes = new Map(); // itemId -> element
  const mentioned = new Set();
  let planNode = null;
  let root = null;
  // Paths inside the workspace are shown relative to it; the full path is the tooltip.
  function pathEl(p) {
    const rel = root && p && p.startsWith(root + '/') ? p.slice(root.length + 1) : p || '';
    const e = el('span', 'path', rel);
    e.title = p || '';
    return e;
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function button(label, cls, onClick) {
    const b = el('button', cls, label);
    b.addEventListener('click', onClick);
    return b;
  }
  function scroll() { log.scrollTop = log.scrollHeight; }
  function post(m) { vscode.postMessage(m); }

  // Plain text with ``` fences shown as code blocks; no HTML from the model ever reaches innerHTML.
  function renderText(target, text) {
    target.textContent = '';
    const parts = String(text || '').split(/```[^\n]*\n?/);
    parts.forEach((p, i) => {
      if (i % 2 === 1) target.appendChild(el('pre', 'code', p.replace(/\n$/, '')));
      else if (p) target.appendChild(el('div', 'para', p));
    });
    target.dataset.raw = text || '';
  }

  function userText(item) {
    const t = (item.content || []).map((c) => c.text || '').join('');
    return t.replace(/\n*<editor_context>[\s\S]*<\/editor_context>\s*$/, '');
  }

  function itemNode(item) {
    let n = nodes.get(item.id);
    if (n) return n;
    switch (item.type) {
      case 'userMessage': n = el('div', 'msg user'); break;
      case 'agentMessage': n = el('div', 'msg agent'); break;
      case 'reasoning': {
        n = el('details', 'reasoning');
        n.appendChild(el('summary', '', 'Reasoning'));
        n.appendChild(el('div', 'body'));
        break;
      }
      case 'commandExecution': {
        n = el('div', 'cmd');
        const head = el('div', 'head');
        head.appendChild(el('code', 'command'));
        head.appendChild(el('span', 'badge'));
        n.appendChild(head);
        n.appendChild(el('pre', 'output'));
        break;
      }
      case 'fileChange': n = el('div', 'change'); break;
      case 'plan': n = el('div', 'plan'); break;
      default: n = el('div', 'other');
    }
    n.dataset.itemId = item.id;
    n.dataset.type = item.type;
    nodes.set(item.id, n);
    log.appendChild(n);
    return n;
  }

  function renderChanges(n, item) {
    n.textContent = '';
    n.appendChild(el('div', 'head', `File changes · ${item.status || ''}`));
    (item.changes || []).forEach((c, i) => {
      const row = el('div', 'file');
      const kind = (c.kind && c.kind.type) || 'update';
      row.appendChild(el('span', 'kind ' + kind, kind));
      row.appendChild(pathEl(c.path));
      row.appendChild(button('Open diff', 'secondary open-diff', () => post({ type: 'openDiff', itemId: item.id, index: i })));
      if (item.status === 'completed') {
        row.appendChild(button('Accept', 'secondary accept', () => post({ type: 'acceptChange', itemId: item.id, index: i })));
        row.appendChild(button('Reject', 'secondary reject', () => post({ type: 'rejectChange', itemId: item.id, index: i })));
      }
      row.dataset.index = String(i);
      n.appendChild(row);
    });
  }

  function renderItem(item, phase) {
    const n = itemNode(item);
    switch (item.type) {
      case 'userMessage': n.textContent = userText(item); break;
      case 'agentMessage': if (phase === 'completed' || item.text) renderText(n, item.text); break;
      case 'reasoning': {
        const t = [...(item.summary || []), ...(item.content || [])].join('\n');
        if (t) n.querySelector('.body').textContent = t;
        break;
      }
      case 'commandExecution': {
        n.querySelector('.command').textContent = '$ ' + (item.command || '');
        const badge = n.querySelector('.badge');
        badge.textContent = item.status === 'completed' ? `exit ${item.exitCode}` : item.status || '';
        badge.className = 'badge ' + (item.status || '');
        if (item.aggregatedOutput) n.querySelector('.output').textContent = item.aggregatedOutput;
        n.classList.toggle('running', item.status === 'inProgress');
        break;
      }
      case 'fileChange': renderChanges(n, item); break;
      case 'plan': n.textContent = item.text || ''; break;
      default: n.textContent = item.type;
    }
    scroll();
  }

  function renderPlan(m) {
    if (!planNode) { planNode = el('div', 'plan'); log.appendChild(planNode); }
    planNode.textContent = '';
    planNode.appendChild(el('div', 'head', 'Plan' + (m.explanation ? ' · ' + m.explanation : '')));
    const ul = el('ul');
    (m.plan || []).forEach((s) => ul.appendChild(el('li', 'step ' + s.status, s.step)));
    planNode.appendChild(ul);
    scroll();
  }

  function renderApproval(m) {
    const card = el('div', 'approval');
    card.dataset.requestId = m.requestId;
    card.appendChild(el('div', 'head', m.kind === 'command' ? 'Run this command?' : 'Apply these file changes?'));
    if (m.command) card.appendChild(el('pre', 'code', m.command));
    if (m.cwd) card.appendChild(el('div', 'muted', 'in ' + m.cwd));
    if (m.reason) card.appendChild(el('div', 'reason', m.reason));
    (m.changes || []).forEach((c, i) => {
      const row = el('div', 'file');
      row.appendChild(pathEl(c.path));
      row.appendChild(button('Open diff', 'secondary open-diff', () => post({ type: 'openDiff', itemId: m.itemId, index: i })));
      card.appendChild(row);
    });
    const actions = el('div', 'actions');
    const answer = (decision) => () => post({ type: 'approve', requestId: m.requestId, decision });
    actions.appendChild(button('Approve', 'approve', answer('accept')));
    actions.appendChild(button('Approve for session', 'secondary approve-session', answer('acceptForSession')));
    actions.appendChild(button('Decline', 'secondary decline', answer('decline')));
    card.appendChild(actions);
    log.appendChild(card);
    scroll();
  }

  function notice(level, text) {
    log.appendChild(el('div', 'notice ' + level, text));
    scroll();
  }

  function fillSelect(sel, values, current) {
    sel.textContent = '';
    const list = values.length ? values : current ? [current] : [];
    for (const v of list) {
      const o = el('option', '', typeof v === 'string' ? v : v.label);
      o.value = typeof v === 'string' ? v : v.id;
      sel.appendChild(o);
    }
    sel.value = current || '';
  }

  window.addEventListener('message', (ev) => {
    const m = ev.data;
    switch (m.type) {
      case 'state':
        root = m.root;
        $('title').textContent = m.threadName || (m.threadId ? 'Thread ' + m.threadId.slice(0, 8) : 'New thread');
        $('stop').disabled = !m.turnActive;
        $('send').disabled = m.daemon !== 'ready'; // during a turn a message steers it or waits in the queue
        fillSelect($('model'), m.models, m.model);
        fillSelect($('effort'), m.efforts, m.effort);
        fillSelect($('mode'), m.modes, m.mode);
        $('autoContext').checked = !!m.autoContext;
        $('status').textContent = `daemon: ${m.daemon}${m.turnActive ? ' · working…' : ''}`;
        document.body.dataset.daemon = m.daemon;
        document.body.dataset.turn = m.turnActive ? 'active' : 'idle';
        break;
      case 'reset':
        log.textContent = ''; nodes.clear(); planNode = null;
        break;
      case 'item': renderItem(m.item, m.phase); break;
      case 'delta': {
        const n = nodes.get(m.itemId);
        if (!n) break;
        if (m.kind === 'agent') renderText(n, (n.dataset.raw || '') + m.text);
        else if (m.kind === 'reasoning') n.querySelector('.body').textContent += m.text;
        else { const o = n.querySelector('.output'); if (o) o.textContent += m.text; }
        scroll();
        break;
      }
      case 'plan': renderPlan(m); break;
      case 'approval': renderApproval(m); break;
      case 'approvalResolved': {
        const card = log.querySelector(`.approval[data-request-id="${CSS.escape(String(m.requestId))}"]`);
        if (card) {
          card.classList.add('resolved');
          card.querySelectorAll('.actions button').forEach((b) => (b.disabled = true));
          card.appendChild(el('div', 'muted verdict', {accept: 'Approved', acceptForSession: 'Approved for this session', decline: 'Declined', cancel: 'Cancelled'}[m.decision] || 'Withdrawn'));
        }
        break;
      }
      case 'changeReviewed': {
        const row = log.querySelector(`.change[data-item-id="${CSS.escape(m.itemId)}"] .file[data-index="${m.index}"]`);
        if (row) { row.classList.add(m.verdict); row.querySelectorAll('.accept,.reject').forEach((b) => (b.disabled = true)); }
        break;
      }
      case 'turn':
        if (m.status === 'interrupted') notice('warning', 'Turn interrupted.');
        else if (m.status === 'failed') notice('error', 'Turn failed: ' + (m.error || 'unknown error'));
        break;
      case 'notice': notice(m.level, m.text); break;
      case 'usage': if (m.total != null) $('status').dataset.tokens = String(m.total); break;
      case 'mentionResults': showMentions(m.files || []); break;
    }
  });

  // @file mentions: query the extension (fuzzyFileSearch) for the word after the last "@".
  let mentionTimer;
  function mentionQuery() {
    const upto = prompt.value.slice(0, prompt.selectionStart);
    const m = /(^|\s)@([^\s@]*)$/.exec(upto);
    clearTimeout(mentionTimer);
    if (!m) { mentionsBox.hidden = true; return; }
    mentionTimer = setTimeout(() => post({ type: 'mentionQuery', query: m[2] }), 120);
  }
  function showMentions(files) {
    mentionsBox.textContent = '';
    mentionsBox.hidden = files.length === 0;
    for (const f of files) {
      mentionsBox.appendChild(button('@' + f, 'mention', () => {
        const pos = prompt.selectionStart;
        const before = prompt.value.slice(0, pos).replace(/@([^\s@]*)$/, '@' + f + ' ');
        prompt.value = before + prompt.value.slice(pos);
        mentioned.add(f);
        mentionsBox.hidden = true;
        prompt.focus();
      }));
    }
  }
  prompt.addEventListener('input', mentionQuery);

  function send() {
    const text = prompt.value.trim();
    if (!text || $('send').disabled) return;
    const mentions = [...mentioned].filter((f) => text.includes('@' + f));
    post({ type: 'send', text, mentions });
    prompt.value = '';
    mentioned.clear();
    mentionsBox.hidden = true;
  }
  $('send').addEventListener('click', send);
  prompt.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); send(); }
  });
  $('stop').addEventListener('click', () => post({ type: 'interrupt' }));
  $('new').addEventListener('click', () => post({ type: 'newThread' }));
  $('history').addEventListener('click', () => post({ type: 'history' }));
  $('model').addEventListener('change', (e) => post({ type: 'setModel', value: e.target.value }));
  $('effort').addEventListener('change', (e) => post({ type: 'setEffort', value: e.target.value }));
  $('mode').addEventListener('change', (e) => post({ type: 'setMode', value: e.target.value }));
  $('autoContext').addEventListener('change', (e) => post({ type: 'setAutoContext', value: e.target.checked }));
  post({ type: 'ready' });
})();
