/** Small helpers shared by the server-rendered page shells. */
import { LANGS, t, type Lang } from '../i18n';

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The "EN ▾" box of the login screenshot; the client script stores the choice in a `lang` cookie. */
export function langSwitch(lang: Lang): string {
  const options = LANGS.map(
    (l) => `<option value="${l}"${l === lang ? ' selected' : ''}>${l.toUpperCase()}</option>`,
  ).join('');
  return `<div class="lang-switch"><label class="sr-only" for="lang-select">${esc(t(lang, 'lang.label'))}</label><select id="lang-select" name="lang">${options}</select></div>`;
}

export function documentHtml(o: { lang: Lang; title: string; bodyClass: string; css: string[]; body: string; scripts: string[] }): string {
  return `<!DOCTYPE html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title>
<link rel="icon" href="data:,">
${['base.css', ...o.css].map((c) => `<link rel="stylesheet" href="/static/css/${c}">`).join('\n')}
</head>
<body class="${o.bodyClass}">
${o.body}
${o.scripts.map((s) => `<script type="module" src="/static/js/${s}"></script>`).join('\n')}
</body>
</html>
`;
}
