import { lambdaProps } from '../../model/kinds';
import { defineRule } from '../types';
import { names } from './support';

const ASYNC_DEFAULTS = lambdaProps.shape.asyncConfig.parse(undefined);

export default defineRule({
  id: 'RETRY-04',
  title: 'Async failure settings on a function never invoked asynchronously',
  severity: 'info',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/api/API_DeadLetterConfig.html',
  appliesTo: ['lambda', 'deadLetter', 'destination'],
  why: 'A function\'s dead-letter queue, its destinations and its async retry settings apply only to asynchronous invocations. A function reached only synchronously (API Gateway, ALB, a RequestResponse call) returns its errors to the caller, and one reached only through an event source mapping leaves failed records to the source (queue redrive, mapping on-failure destination): these settings catch nothing there, and such functions need none.',
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => {
      const models = ctx.invocationModelsOf(fn.id);
      if (!models.size || models.has('async')) return [];
      const edges = ctx.index.outgoing(fn.id).filter((e) => e.kind === 'deadLetter' || e.kind === 'destination');
      const { maximumRetryAttempts, maximumEventAgeSeconds } = fn.props.asyncConfig;
      const tuned = maximumRetryAttempts !== ASYNC_DEFAULTS.maximumRetryAttempts || maximumEventAgeSeconds !== ASYNC_DEFAULTS.maximumEventAgeSeconds;
      if (!edges.length && !tuned) return [];
      const what = [
        ...edges.map((e) => `${e.kind === 'deadLetter' ? 'dead-letter queue' : `on-${e.props.on} destination`} "${ctx.index.node(e.to)?.name ?? e.to}"`),
        ...(tuned ? ['async retry settings'] : []),
      ];
      const callers = ctx.index.incoming(fn.id).filter((e) => ctx.invocation(e)).flatMap((e) => ctx.index.node(e.from) ?? []);
      const how = models.has('poll') ? (models.has('sync') ? 'synchronously and through event source mappings' : 'through event source mappings') : 'synchronously';
      const elsewhere = models.has('poll') ? ' Failed records stay with the source: an SQS queue\'s redrive (dead-letter) queue, or a stream mapping\'s on-failure destination.' : '';
      return [{
        target: fn,
        message: `"${fn.name}" is invoked only ${how} (by ${names(callers)}), so its ${what.join(', ')} never ${what.length > 1 ? 'apply' : 'applies'}.${elsewhere}`,
        fix: `Remove the ${what.join(', ')} from "${fn.name}"; it needs none unless something invokes it asynchronously.`,
      }];
    });
  },
});
