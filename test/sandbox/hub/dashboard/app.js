// Karpor dashboard stand-in: reproduces only the Karpor UI's login contract (ui/src/pages/login, components/layout,
// utils/request in the Karpor repository). Plain browser JavaScript: no framework, no build step.
// Hooks for tests (not in the real UI): data-testid "page-title", "whoami" (user from the sandbox-only
// GET /rest-api/v1/whoami), "login-error", and on /cluster "admin-action" (POST /rest-api/v1/cluster/<name>)
// with its HTTP status in "action-result"; <html data-ready="true"> once /server-configs has been read.

const PUBLIC_ROUTES = ['/login', '/', '/search'];
const TITLES = {
  '/search': 'Search',
  '/search/result': 'Search Result',
  '/insight': 'Insight',
  '/cluster': 'Cluster Management',
  '/cluster/access': 'Register Cluster',
  '/cluster/certificate': 'Rotate Certificate',
  '/reflux': 'Data Sync Configuration',
  '/login': 'Login',
};

// In memory only, like the Redux `isLogin` flag: every page load starts logged out.
const state = { rbac: true, loggedIn: false, whoami: '' };
const root = document.getElementById('root');

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'onclick') node.addEventListener('click', v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function toast(text) {
  const m = el('div', { class: 'ant-message' }, text);
  document.body.append(m);
  setTimeout(() => m.remove(), 3000);
}

/** Like the Karpor axios instance: every call carries the stored token; a 401 marks the app logged out. */
async function api(method, url, headers) {
  const token = localStorage.getItem('token') ?? '';
  const res = await fetch(url, {
    method,
    headers: headers ?? (state.rbac ? { Authorization: `Bearer ${token}` } : {}),
  });
  let body;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (res.status === 401 && !headers) {
    state.loggedIn = false;
    queueMicrotask(render);
  }
  return { status: res.status, body };
}

function navigate(path, replace = false) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  render();
}

/**
 * An input that behaves like a React-controlled one: the value a script assigns through the element itself is
 * tracked, so only a change made with the native setter (or by typing) and announced by an `input` event counts.
 */
function controlledInput(onChange) {
  const input = el('input', { class: 'ant-input', type: 'text' });
  const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  let tracked = '';
  Object.defineProperty(input, 'value', {
    configurable: true,
    get() {
      return native.get.call(this);
    },
    set(v) {
      tracked = String(v);
      native.set.call(this, v);
    },
  });
  input.addEventListener('input', () => {
    const v = native.get.call(input);
    if (v === tracked) return;
    tracked = v;
    onChange(v);
  });
  return input;
}

function loginPage() {
  let value = '';
  const error = el('div', { class: 'error_message', 'data-testid': 'login-error' });
  error.hidden = true;
  const showError = (text) => {
    error.textContent = text;
    error.hidden = false;
  };
  const button = el('button', { type: 'button', class: 'ant-btn ant-btn-primary' }, el('span', {}, 'Login'));
  button.addEventListener('click', async () => {
    if (!value) return showError('Please input token');
    const token = value;
    const { status, body } = await api('GET', '/rest-api/v1/authn', { Authorization: state.rbac ? `Bearer ${token}` : '' });
    if (status === 200 && body && body.success) {
      toast('Login successful');
      localStorage.setItem('token', token);
      state.loggedIn = true;
      setTimeout(() => history.back(), 300);
    } else if (body && body.code === 401) {
      showError('Login failed, please check whether the token is correct');
    }
  });
  return el(
    'div',
    { class: 'login' },
    el('h4', {}, 'You are not logged in. Log in with a token.'),
    el('div', { class: 'label' }, el('span', {}, 'Token'), el('span', {}, '*')),
    el('div', { class: 'input_box' }, controlledInput((v) => (value = v))),
    error,
    el('div', { class: 'footer' }, button),
  );
}

function clusterPage() {
  const result = el('span', { 'data-testid': 'action-result' });
  const name = `sandbox-${Date.now().toString(36)}`;
  const button = el('button', { type: 'button', class: 'ant-btn', 'data-testid': 'admin-action' }, el('span', {}, 'Register cluster'));
  button.addEventListener('click', async () => {
    result.textContent = '…';
    const { status } = await api('POST', `/rest-api/v1/cluster/${name}`);
    result.textContent = String(status);
  });
  const list = el('ul', { 'data-testid': 'cluster-list' });
  api('GET', '/rest-api/v1/clusters').then(({ status, body }) => {
    if (status !== 200) return;
    for (const c of body?.data?.items ?? []) list.append(el('li', {}, c.name));
  });
  return el('div', {}, el('div', {}, button, ' ', result), list);
}

function page(path) {
  if (path === '/login') return loginPage();
  if (path === '/cluster') return clusterPage();
  if (TITLES[path] || path.startsWith('/insightDetail')) return el('div', {}, el('p', {}, 'Nothing to show in the sandbox.'));
  return el('div', { 'data-testid': 'not-found' }, el('p', {}, '404: page not found'));
}

function topBar() {
  const right = el('div', { class: 'right' });
  if (state.loggedIn && state.rbac) {
    right.append(el('span', { 'data-testid': 'whoami' }, state.whoami));
    const logout = el('button', { type: 'button', class: 'ant-btn ant-btn-link' }, el('span', {}, 'Logout'));
    logout.addEventListener('click', () => {
      toast('Logout successful');
      localStorage.setItem('token', '');
      state.loggedIn = false;
      state.whoami = '';
      render();
    });
    right.append(logout);
  }
  const link = (path, text) =>
    el('a', { href: path, onclick: (e) => (e.preventDefault(), navigate(path)) }, text);
  return el(
    'div',
    { class: 'nav' },
    el('h4', { class: 'title', onclick: () => navigate('/') }, 'Karpor'),
    link('/search', 'Search'),
    link('/insight', 'Insight'),
    link('/cluster', 'Cluster Management'),
    right,
  );
}

async function refreshWhoami() {
  const { status, body } = await api('GET', '/rest-api/v1/whoami');
  if (status === 200 && body?.data?.username && state.loggedIn) {
    state.whoami = body.data.username;
    const span = document.querySelector('[data-testid="whoami"]');
    if (span) span.textContent = state.whoami;
  }
}

function render() {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return navigate('/search', true);
  if (state.rbac && !state.loggedIn && !PUBLIC_ROUTES.includes(path)) return navigate('/login');
  const title = TITLES[path] ?? (path.startsWith('/insightDetail') ? 'Insight Detail' : 'Not Found');
  document.title = `Karpor - ${title}`;
  root.replaceChildren(topBar(), el('div', { class: 'content' }, el('h2', { 'data-testid': 'page-title' }, title), page(path)));
  if (state.loggedIn && state.rbac && !state.whoami) refreshWhoami();
}

window.addEventListener('popstate', render);

(async () => {
  // The dashboard learns whether RBAC is on from /server-configs; with it off, it never asks for a token.
  const { status, body } = await api('GET', '/server-configs', {});
  state.rbac = status === 200 ? Boolean(body?.CoreOptions?.EnableRBAC) : true;
  document.documentElement.dataset.ready = 'true';
  render();
})();
