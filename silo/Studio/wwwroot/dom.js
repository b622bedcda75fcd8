// Small DOM helpers: text goes in as text (never as HTML), so nothing a video or a server says can inject markup.
export const $ = (id) => document.getElementById(id);

export function text(tag, content, className) {
  const node = document.createElement(tag);
  node.textContent = content;
  if (className) node.className = className;
  return node;
}

export function button(label, onClick, ariaLabel, action, disabled = false) {
  const node = text('button', label);
  node.type = 'button';
  if (ariaLabel) node.setAttribute('aria-label', ariaLabel);
  if (action) node.dataset.action = action;
  node.disabled = disabled;
  node.addEventListener('click', onClick);
  return node;
}

export function clear(node) {
  node.replaceChildren();
}

export function showError(error) {
  const notice = $('notice');
  notice.textContent = error?.message ?? String(error);
  notice.hidden = false;
}

export function hideError() {
  $('notice').hidden = true;
}
