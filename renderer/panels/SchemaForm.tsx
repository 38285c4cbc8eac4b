import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { PathPart } from '../../core/model/problems';
import { isOutOfRange, rangeText, type Field, type RefChoice } from '../schemaFields';
import { RefGroupField, RefListField, RefSelectField } from './NodeRefFields';

/** Returns false when the edit was refused (the field then shows the stored value again). */
export type Commit = (path: PathPart[], value: unknown) => boolean;

interface FormProps {
  fields: readonly Field[];
  value: Record<string, unknown>;
  onCommit: Commit;
  path?: PathPart[];
  /** Node-reference props by path ("routeTable.defaultRoute"): drawn as pickers of design nodes. */
  refs?: ReadonlyMap<string, RefChoice>;
}

/** A form generated from a zod schema's fields. Text and numbers commit on Enter or when the
 *  field loses focus (one undo step per edit, not per keystroke); choices commit at once. */
export function SchemaForm({ fields, value, onCommit, path = [], refs }: FormProps) {
  return (
    <div className="sd-form">
      {fields.map((f) => (
        <FieldEditor key={f.key} field={f} value={value[f.key]} path={[...path, f.key]} onCommit={onCommit} refs={refs} />
      ))}
    </div>
  );
}

interface FieldProps<F extends Field> {
  field: F;
  value: unknown;
  path: PathPart[];
  onCommit: Commit;
  refs?: ReadonlyMap<string, RefChoice>;
}

function FieldEditor(props: FieldProps<Field>) {
  const { field, refs } = props;
  const key = props.path.join('.');
  const choice = refs?.get(key);
  if (choice) {
    return choice.many ? <RefListField {...props} testId={testId(props.path)} choice={choice} /> : <RefSelectField {...props} testId={testId(props.path)} choice={choice} />;
  }
  const group = refs ? [...refs].filter(([k]) => k.startsWith(`${key}.`)).map(([k, c]) => [k.slice(key.length + 1), c] as const) : [];
  if (group.length && field.type === 'json') return <RefGroupField {...props} testId={testId(props.path)} choices={group} />;
  switch (field.type) {
    case 'number': return <NumberField {...props} field={field} />;
    case 'enum': return <EnumField {...props} field={field} />;
    case 'boolean': return <BooleanField {...props} field={field} />;
    case 'string': return <StringField {...props} field={field} />;
    case 'object': {
      const inner = props.value && typeof props.value === 'object' ? (props.value as Record<string, unknown>) : {};
      return (
        <fieldset className="sd-fieldset">
          <legend>{field.label}</legend>
          <SchemaForm fields={field.fields} value={inner} path={props.path} onCommit={props.onCommit} refs={refs} />
        </fieldset>
      );
    }
    case 'json': return <JsonField {...props} field={field} />;
  }
}

const testId = (path: PathPart[]) => `field-${path.join('.')}`;
const commitOnEnter = (e: KeyboardEvent<HTMLInputElement>) => {
  if (e.key === 'Enter') e.currentTarget.blur();
};

/** Local text that follows the committed value whenever it changes (undo, another panel). */
function useDraft(committed: string): [string, (s: string) => void] {
  const [text, setText] = useState(committed);
  useEffect(() => setText(committed), [committed]);
  return [text, setText];
}

function NumberField({ field, value, path, onCommit }: FieldProps<Extract<Field, { type: 'number' }>>) {
  const id = useId();
  const committed = typeof value === 'number' ? String(value) : '';
  const [text, setText] = useDraft(committed);
  const range = rangeText(field);
  const outOfRange = isOutOfRange(field, value);
  const commit = () => {
    const trimmed = text.trim();
    if (trimmed === committed) return;
    const n = trimmed === '' ? (field.nullable ? null : undefined) : Number(trimmed);
    if ((typeof n === 'number' && !Number.isFinite(n)) || !onCommit(path, n)) setText(committed);
  };
  return (
    <div className={`sd-field${outOfRange ? ' has-error' : ''}`}>
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={text}
        placeholder={field.nullable ? 'not set' : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={commitOnEnter}
        aria-invalid={outOfRange || undefined}
        aria-describedby={range ? `${id}-range` : undefined}
        data-testid={testId(path)}
      />
      {range && !outOfRange && <div className="sd-field-hint" id={`${id}-range`}>AWS range {range}</div>}
      {outOfRange && (
        <div className="sd-field-error" id={`${id}-range`} role="alert" data-testid={`${testId(path)}-error`}>
          {String(value)} is outside AWS&apos;s range {range}
        </div>
      )}
    </div>
  );
}

function EnumField({ field, value, path, onCommit }: FieldProps<Extract<Field, { type: 'enum' }>>) {
  const id = useId();
  const known = field.options.some((o) => o === value);
  return (
    <div className="sd-field">
      <label htmlFor={id}>{field.label}</label>
      <select
        id={id}
        value={value === null || value === undefined ? '' : String(value)}
        onChange={(e) => {
          const raw = e.target.value;
          const option = field.options.find((o) => String(o) === raw);
          onCommit(path, raw === '' ? (field.nullable ? null : undefined) : option ?? raw);
        }}
        data-testid={testId(path)}
      >
        {(field.nullable || value === undefined) && <option value="">{field.nullable ? '— not set —' : '(default)'}</option>}
        {!known && value !== null && value !== undefined && <option value={String(value)}>{String(value)} (unknown)</option>}
        {field.options.map((o) => <option key={String(o)} value={String(o)}>{String(o)}</option>)}
      </select>
    </div>
  );
}

function BooleanField({ field, value, path, onCommit }: FieldProps<Extract<Field, { type: 'boolean' }>>) {
  const id = useId();
  return (
    <div className="sd-field sd-field-check">
      <input id={id} type="checkbox" checked={value === true} onChange={(e) => onCommit(path, e.target.checked)} data-testid={testId(path)} />
      <label htmlFor={id}>{field.label}</label>
    </div>
  );
}

function StringField({ field, value, path, onCommit }: FieldProps<Extract<Field, { type: 'string' }>>) {
  const id = useId();
  const committed = typeof value === 'string' ? value : '';
  const [text, setText] = useDraft(committed);
  const commit = () => {
    if (text === committed) return;
    if (!onCommit(path, text === '' && field.nullable ? null : text)) setText(committed);
  };
  return (
    <div className="sd-field">
      <label htmlFor={id}>{field.label}</label>
      {field.multiline ? (
        <textarea id={id} rows={2} value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} data-testid={testId(path)} />
      ) : (
        <input id={id} type="text" value={text} placeholder={field.nullable ? 'not set' : undefined} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={commitOnEnter} data-testid={testId(path)} />
      )}
    </div>
  );
}

function JsonField({ field, value, path, onCommit }: FieldProps<Extract<Field, { type: 'json' }>>) {
  const id = useId();
  const committed = value === undefined ? '' : JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
  const [text, setText] = useDraft(committed);
  const [error, setError] = useState<string | undefined>();
  const commit = () => {
    if (text === committed) return setError(undefined);
    let parsed: unknown;
    try {
      parsed = text.trim() === '' ? (field.nullable ? null : undefined) : JSON.parse(text);
    } catch {
      return setError('Not valid JSON; the value was not changed.');
    }
    setError(undefined);
    if (!onCommit(path, parsed)) setText(committed);
  };
  return (
    <div className={`sd-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{field.label} <span className="sd-field-note">JSON</span></label>
      <textarea id={id} rows={Math.min(4, Math.max(1, Math.ceil(text.length / 36)))} className="sd-mono" value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} spellCheck={false} data-testid={testId(path)} />
      {error && <div className="sd-field-error" role="alert">{error}</div>}
    </div>
  );
}
