/**
 * Strict Content-Security-Policy: the app loads only its own scripts and talks only to its
 * own origin (CouchDB is proxied under /db/). blob:/data: are for generated PDFs, images and sounds.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  // WebUSB is used by the receipt printers; nothing else is allowed.
  'permissions-policy': 'usb=(self), camera=(), microphone=(), geolocation=()',
};
