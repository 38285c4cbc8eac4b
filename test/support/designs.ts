/** Small design documents for tests, written as a file would hold them. */
export const minimalDoc = (over: Record<string, unknown> = {}) => ({
  format: 'serverless-design',
  schemaVersion: 1,
  name: 'test',
  region: 'us-east-1',
  nodes: [
    { id: 'fn', kind: 'lambda', name: 'resize' },
    { id: 'q', kind: 'sqsQueue', name: 'jobs' },
  ],
  edges: [{ id: 'e1', kind: 'trigger', from: 'q', to: 'fn' }],
  ...over,
});

export const text = (doc: unknown) => JSON.stringify(doc, null, 2);
