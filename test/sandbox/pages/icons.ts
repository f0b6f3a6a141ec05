/**
 * Inline SVG icons (Font Awesome look-alikes drawn by hand, so no font or CDN is needed).
 * The server puts them in page shells and also serves this same object as /static/js/icons.js
 * for the client-rendered parts: one source for both.
 */
export const ICONS = {
  phone:
    '<svg class="icon icon-phone" viewBox="0 0 24 40" aria-hidden="true"><path fill="currentColor" d="M4 0h16a4 4 0 0 1 4 4v32a4 4 0 0 1-4 4H4a4 4 0 0 1-4-4V4a4 4 0 0 1 4-4z"/><rect x="3" y="6" width="18" height="26" style="fill:var(--icon-bg,#fff)"/><rect x="9" y="2.4" width="6" height="1.4" rx=".7" style="fill:var(--icon-bg,#fff)"/><circle cx="12" cy="36" r="2" style="fill:var(--icon-bg,#fff)"/></svg>',
  key: '<svg class="icon icon-key" viewBox="0 0 24 24" aria-hidden="true"><circle cx="7.5" cy="7.5" r="5.2" fill="none" stroke="currentColor" stroke-width="3"/><circle cx="6.3" cy="6.3" r="1.3" fill="currentColor"/><path d="M11.3 11.3l10 10M16.2 16.2l2.6-2.6M19.2 19.2l2.2-2.2" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round"/></svg>',
  lock: '<svg class="icon icon-lock" viewBox="0 0 20 24" aria-hidden="true"><path d="M5 11V7.5a5 5 0 0 1 10 0V11" fill="none" stroke="currentColor" stroke-width="3"/><rect x="1" y="10" width="18" height="13" rx="2.5" fill="currentColor"/></svg>',
  user: '<svg class="icon icon-user" viewBox="0 0 20 20" aria-hidden="true"><circle cx="10" cy="6" r="4.2" fill="currentColor"/><path d="M1.5 19.5c.6-4.6 4-7 8.5-7s7.9 2.4 8.5 7z" fill="currentColor"/></svg>',
  checkCircle:
    '<svg class="icon icon-check-circle" viewBox="0 0 20 20" aria-hidden="true"><circle cx="10" cy="10" r="10" fill="currentColor"/><path d="M5.6 10.4l3 3 5.8-6.3" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  info: '<svg class="icon icon-info" viewBox="0 0 20 20" aria-hidden="true"><circle cx="10" cy="10" r="10" fill="currentColor"/><circle cx="10" cy="5.3" r="1.7" fill="#fff"/><path d="M7.6 8.3h3.6v6.4h1.4v1.8H7.6v-1.8h1.4v-4.6H7.6z" fill="#fff"/></svg>',
  warning:
    '<svg class="icon icon-warning" viewBox="0 0 24 22" aria-hidden="true"><path d="M12 1.8L22.8 20.6H1.2z" fill="none" stroke="currentColor" stroke-width="2.3" stroke-linejoin="round"/><path d="M12 8v6.2" stroke="currentColor" stroke-width="2.6" stroke-linecap="round"/><circle cx="12" cy="17.4" r="1.4" fill="currentColor"/></svg>',
  print:
    '<svg class="icon icon-print" viewBox="0 0 20 18" aria-hidden="true"><rect x="5" y="1" width="10" height="5" fill="currentColor"/><rect x="1" y="6" width="18" height="8" rx="1.5" fill="currentColor"/><rect x="5" y="10.5" width="10" height="6.5" fill="#fff" stroke="currentColor" stroke-width="1.6"/></svg>',
} as const;

export type IconName = keyof typeof ICONS;
