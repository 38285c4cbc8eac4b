/** Strongly connected components of a directed graph on vertices 0 … count−1 (Tarjan's algorithm,
 *  iterative: a chain or a loop of 10,000 nodes needs no call stack 10,000 deep). O(V + E).
 *  `component[v]` numbers the components in reverse topological order (a component's successors
 *  come first); `components` lists each one's vertices. */
export function stronglyConnected(count: number, successors: (v: number) => readonly number[]): { component: Int32Array; components: number[][] } {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const component = new Int32Array(count).fill(-1);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const components: number[][] = [];
  // The DFS: a frame is a vertex and the position of its next successor to look at.
  const frames: number[] = [];
  const next: number[] = [];
  let counter = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    frames.push(root);
    next.push(0);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length) {
      const v = frames[frames.length - 1];
      const succ = successors(v);
      const i = next[next.length - 1];
      if (i < succ.length) {
        next[next.length - 1] = i + 1;
        const w = succ[i];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push(w);
          next.push(0);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
        continue;
      }
      frames.pop();
      next.pop();
      if (frames.length) {
        const parent = frames[frames.length - 1];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const members: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = components.length;
          members.push(w);
        } while (w !== v);
        components.push(members);
      }
    }
  }
  return { component, components };
}
