import csp from './csp.json';

/** React's `style={}` goes through the CSSOM, so `style-src 'self'` holds; `img-src data: blob:`
 *  is for PNG export. frame-ancestors works only as a header, so the meta-tag form omits it. */
export const CONTENT_SECURITY_POLICY: string = csp.directives.join('; ');
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
