import { current, type Draft } from 'immer';
import { DEFAULT_ALTERNATIVE_NAME, type Alternative, type Design } from '../model/design';

/** Alternatives: variants of one design kept in the same file (core/model/design.ts). The variant
 *  being edited lives at the top level of the design and is named by `alternativeName`; the others
 *  sit in `alternatives`. Each edit is one undo step. */
export type AlternativeCommand =
  /** Copies the edited variant under `name` (default the next free letter: "B", "C" …) and goes on
   *  editing the copy; the original stays in the list under its own name. */
  | { type: 'duplicateAlternative'; name?: string }
  /** The edited variant goes into the list and `name` comes out to be edited. */
  | { type: 'switchAlternative'; name: string }
  /** Renames any variant, the edited one included. */
  | { type: 'renameAlternative'; from: string; to: string }
  /** Deletes a variant from the list; the edited one cannot be deleted (switch away first). */
  | { type: 'deleteAlternative'; name: string };

const ALTERNATIVE_TYPES: ReadonlySet<string> = new Set(['duplicateAlternative', 'switchAlternative', 'renameAlternative', 'deleteAlternative']);

export const isAlternativeCommand = (command: { type: string }): command is AlternativeCommand => ALTERNATIVE_TYPES.has(command.type);

/** Names show in the toolbar's switcher and in `compare file#name`. */
export const ALTERNATIVE_NAME_MAX = 40;

/** The parts of a design that differ between its variants; name, format and version are the file's. */
export const VARIANT_KEYS = ['region', 'nodes', 'edges', 'usage', 'suppressions', 'layout'] as const;

export function alternativeCommandLabel(command: AlternativeCommand): string {
  switch (command.type) {
    case 'duplicateAlternative': return 'Duplicate as alternative';
    case 'switchAlternative': return `Switch to alternative ${command.name}`;
    case 'renameAlternative': return 'Rename alternative';
    case 'deleteAlternative': return 'Delete alternative';
  }
}

/** The edited variant's name. */
export const currentAlternativeName = (design: Pick<Design, 'alternativeName'>): string => design.alternativeName ?? DEFAULT_ALTERNATIVE_NAME;

/** Every variant's name, the edited one included, in a stable order (A, B, … B2, B10). */
export function alternativeNames(design: Pick<Design, 'alternativeName' | 'alternatives'>): string[] {
  return [currentAlternativeName(design), ...design.alternatives.map((a) => a.name)]
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0));
}

/** "B", "C" … "Z", then "AA", "AB" …: the first not in `taken`. */
export function nextAlternativeName(taken: readonly string[]): string {
  const letters = (n: number): string => (n < 26 ? String.fromCharCode(65 + n) : letters(Math.floor(n / 26) - 1) + letters(n % 26));
  for (let n = 1; ; n++) {
    const candidate = letters(n);
    if (!taken.includes(candidate)) return candidate;
  }
}

/** The design as it would be with `name` the edited variant (no alternatives of its own): what the
 *  cost estimate, the compare view and `compare file#name` price. Undefined when there is no such variant. */
export function designOfAlternative(design: Design, name: string): Design | undefined {
  if (name === currentAlternativeName(design)) return design.alternatives.length ? { ...design, alternatives: [] } : design;
  const alt = design.alternatives.find((a) => a.name === name);
  if (!alt) return undefined;
  const { name: altName, ...body } = alt;
  return { ...design, ...body, alternativeName: altName, alternatives: [] };
}

type D = Draft<Design>;

function nameProblem(draft: D, name: string, except?: string): string | undefined {
  if (!name) return 'An alternative needs a name.';
  if (name.length > ALTERNATIVE_NAME_MAX) return `An alternative's name has at most ${ALTERNATIVE_NAME_MAX} characters.`;
  if (name !== except && alternativeNames(draft).includes(name)) return `There is already an alternative "${name}".`;
  return undefined;
}

/** The edited variant as a list entry (a copy: the draft's top level changes next). */
function editedAsAlternative(draft: D): Alternative {
  const snapshot = current(draft);
  const body = Object.fromEntries(VARIANT_KEYS.map((k) => [k, snapshot[k]]));
  return { name: currentAlternativeName(snapshot), ...body } as Alternative;
}

/** Applies an alternative command to the draft; returns why it was refused (the draft untouched). */
export function applyAlternativeCommand(draft: D, command: AlternativeCommand): string | undefined {
  switch (command.type) {
    case 'duplicateAlternative': {
      const name = command.name?.trim() ?? nextAlternativeName(alternativeNames(draft));
      const problem = nameProblem(draft, name);
      if (problem) return problem;
      // The copy and the original are equal, so "keep the original in the list, edit the copy"
      // is the current body stored under the old name and the new name on top.
      draft.alternatives.push(editedAsAlternative(draft) as Draft<Alternative>);
      draft.alternativeName = name;
      return undefined;
    }
    case 'switchAlternative': {
      if (command.name === currentAlternativeName(draft)) return undefined;
      const index = draft.alternatives.findIndex((a) => a.name === command.name);
      if (index < 0) return `There is no alternative "${command.name}".`;
      const chosen = current(draft.alternatives[index]);
      draft.alternatives[index] = editedAsAlternative(draft) as Draft<Alternative>;
      // Keys of the chosen variant that this version does not know (a newer tool's) come along.
      const { name, ...body } = chosen;
      Object.assign(draft, body);
      draft.alternativeName = name;
      return undefined;
    }
    case 'renameAlternative': {
      const to = command.to.trim();
      if (to === command.from) return undefined;
      const edited = command.from === currentAlternativeName(draft);
      const alt = draft.alternatives.find((a) => a.name === command.from);
      if (!edited && !alt) return `There is no alternative "${command.from}".`;
      const problem = nameProblem(draft, to, command.from);
      if (problem) return problem;
      if (alt) alt.name = to;
      else draft.alternativeName = to;
      return undefined;
    }
    case 'deleteAlternative': {
      if (command.name === currentAlternativeName(draft)) return `"${command.name}" is the alternative being edited: switch to another one before deleting it.`;
      const index = draft.alternatives.findIndex((a) => a.name === command.name);
      if (index < 0) return `There is no alternative "${command.name}".`;
      draft.alternatives.splice(index, 1);
      return undefined;
    }
  }
}
