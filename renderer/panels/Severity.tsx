import type { Severity } from '../../core/rules/types';

export const SEVERITY_WORDS: Record<Severity, { one: string; many: string; icon: string }> = {
  error: { one: 'error', many: 'errors', icon: '✕' },
  warning: { one: 'warning', many: 'warnings', icon: '!' },
  info: { one: 'info', many: 'info', icon: 'i' },
};

/** "2 errors", "1 warning", "3 info". */
export const severityCount = (severity: Severity, n: number) => `${n} ${n === 1 ? SEVERITY_WORDS[severity].one : SEVERITY_WORDS[severity].many}`;

/** The round severity icon used by the problems and findings panels and the inspector. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return <span className={`sd-sev sd-sev-${severity}`} role="img" aria-label={severity}>{SEVERITY_WORDS[severity].icon}</span>;
}
