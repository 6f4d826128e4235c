/**
 * Tarjan's strongly connected components, iterative so that deep chains do
 * not overflow the stack. Node v's edges are start[v] … start[v + 1] − 1;
 * `target(edge)` is the node an edge leads to, or −1 for an edge to no node
 * (a dependency on a resource). A component is numbered after every
 * component it reaches, so a supplier's number is never higher than its
 * dependent's.
 */
export function stronglyConnectedComponents(
  n: number,
  start: Int32Array,
  target: (edge: number) => number,
): { component: Int32Array; componentCount: number } {
  const index = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const stack = new Int32Array(n)
  const callNode = new Int32Array(n)
  const callEdge = new Int32Array(n)
  const component = new Int32Array(n).fill(-1)
  let next = 0
  let sp = 0
  let count = 0
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue
    let depth = 0
    let enter = root
    while (enter >= 0 || depth > 0) {
      if (enter >= 0) {
        index[enter] = low[enter] = next++
        stack[sp++] = enter
        onStack[enter] = 1
        callNode[depth] = enter
        callEdge[depth] = start[enter]!
        depth++
        enter = -1
      }
      const v = callNode[depth - 1]!
      const edge = callEdge[depth - 1]!
      if (edge < start[v + 1]!) {
        callEdge[depth - 1] = edge + 1
        const w = target(edge)
        if (w < 0) continue
        if (index[w] === -1) enter = w
        else if (onStack[w] === 1 && index[w]! < low[v]!) low[v] = index[w]!
        continue
      }
      depth--
      if (depth > 0) {
        const parent = callNode[depth - 1]!
        if (low[v]! < low[parent]!) low[parent] = low[v]!
      }
      if (low[v] === index[v]) {
        let w: number
        do {
          w = stack[--sp]!
          onStack[w] = 0
          component[w] = count
        } while (w !== v)
        count++
      }
    }
  }
  return { component, componentCount: count }
}
