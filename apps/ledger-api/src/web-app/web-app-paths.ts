/**
 * The web app's URL scheme: every page under /app/ (hashed assets under /app/assets/), and `/`
 * sends a browser there. No API route starts with /app, so a page path never shadows one.
 */
export const WEB_APP_BASE = '/app';
export const WEB_APP_PATH = /^\/app(\/|$)/;
export const WEB_APP_ASSETS = `${WEB_APP_BASE}/assets`;
/**
 * The invitation and password-reset links the ledger gives out (PersonLinks: `/invitation#token=…`)
 * lead to the app's pages of the same name; the browser keeps the `#token=` across the redirect.
 */
export const LINK_PAGES: ReadonlySet<string> = new Set(['/invitation', '/password-reset']);

/** What the app loads: its own scripts, styles and data only; no inline script or style at all. */
export const WEB_APP_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;
