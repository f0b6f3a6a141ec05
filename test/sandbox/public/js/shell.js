// Behaviour shared by every signed-in page: the user menu dropdown and the language switch.
import { initLangSwitch } from './common.js';

const menu = document.getElementById('user-menu');
const toggle = menu?.querySelector('.dropdown-toggle');
toggle?.addEventListener('click', (e) => {
  e.stopPropagation();
  const open = menu.classList.toggle('open');
  toggle.setAttribute('aria-expanded', String(open));
});
document.addEventListener('click', () => {
  menu?.classList.remove('open');
  toggle?.setAttribute('aria-expanded', 'false');
});
initLangSwitch();
