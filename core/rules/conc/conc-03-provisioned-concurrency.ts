import type { NodeOfKind } from '../../model/design';
import { defineRule, type RuleFinding } from '../types';

function problems(fn: NodeOfKind<'lambda'>): RuleFinding[] {
  const pc = fn.props.provisionedConcurrency;
  const reserved = fn.props.reservedConcurrency;
  const found: RuleFinding[] = [];
  if (!fn.props.publish.alias) {
    found.push({
      target: fn,
      message: `"${fn.name}" has provisioned concurrency ${pc} but no published alias: provisioned concurrency applies only to a published version or an alias, never to $LATEST.`,
      fix: `Publish "${fn.name}" with an alias (for example "live") and invoke it through the alias, or set its provisioned concurrency to 0.`,
    });
  }
  if (reserved !== null && pc > reserved) {
    found.push({
      target: fn,
      message: `"${fn.name}" asks for provisioned concurrency ${pc} but reserves only ${reserved}: Lambda does not allocate more provisioned than reserved concurrency.`,
      fix: `Raise the reserved concurrency of "${fn.name}" above ${pc}, or lower its provisioned concurrency below ${reserved}.`,
    });
  } else if (reserved !== null && pc === reserved) {
    found.push({
      target: fn,
      severity: 'warning',
      message: `"${fn.name}" provisions all of its reserved concurrency (${pc}): every invocation runs on the provisioned environments and the unpublished version ($LATEST) is throttled.`,
      fix: `Raise the reserved concurrency of "${fn.name}" above ${pc} to leave room for on-demand executions, or lower its provisioned concurrency.`,
    });
  }
  return found;
}

export default defineRule({
  id: 'CONC-03',
  title: 'Provisioned concurrency without an alias or beyond reserved concurrency',
  severity: 'error',
  category: 'concurrency',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html',
  appliesTo: ['lambda'],
  why: 'Provisioned concurrency is configured on a published version or an alias, never on $LATEST. It counts toward the function\'s reserved concurrency, and Lambda refuses more provisioned than reserved concurrency; when they are equal, the unpublished version is throttled.',
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => (fn.props.provisionedConcurrency > 0 ? problems(fn) : []));
  },
});
