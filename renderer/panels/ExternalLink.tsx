import { createContext, useContext, type ReactNode } from 'react';

/** How links leave the app: the host's `openExternal` on the desktop; unset in the browser,
 *  where the link's own `target=_blank` opens a tab. */
export const OpenExternalContext = createContext<((url: string) => void) | undefined>(undefined);

export const isWebLink = (url: string) => /^https?:\/\//i.test(url);

/** A link to documentation or a price source. It never navigates the app's window; anything but
 *  an http(s) address is shown as text. */
export function ExternalLink({ href, children, testId }: { href: string; children: ReactNode; testId?: string }) {
  const openExternal = useContext(OpenExternalContext);
  if (!isWebLink(href)) return <span className="sd-muted">{children}</span>;
  return (
    <a
      className="sd-link"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      title={href}
      data-testid={testId}
      onClick={(e) => {
        if (!openExternal) return;
        e.preventDefault();
        openExternal(href);
      }}
    >
      {children}<span aria-hidden="true"> ↗</span>
    </a>
  );
}
