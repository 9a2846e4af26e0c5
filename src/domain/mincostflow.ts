/**
 * Min-cost flow by successive shortest paths (Bellman–Ford, so negative costs are fine as
 * long as there is no negative cycle — our graphs are acyclic). Small and exact; the team
 * planner uses it to maximise value under capacity limits. Integer costs keep it deterministic.
 */
export interface FlowEdge {
  to: number;
  rev: number;
  cap: number;
  cost: number;
  flow: number;
}

export class FlowGraph {
  readonly adj: FlowEdge[][];
  constructor(readonly size: number) {
    this.adj = Array.from({ length: size }, () => []);
  }

  addEdge(from: number, to: number, cap: number, cost: number): FlowEdge {
    const forward: FlowEdge = { to, rev: this.adj[to]!.length, cap, cost, flow: 0 };
    const backward: FlowEdge = { to: from, rev: this.adj[from]!.length, cap: 0, cost: -cost, flow: 0 };
    this.adj[from]!.push(forward);
    this.adj[to]!.push(backward);
    return forward;
  }

  /**
   * Pushes flow from source to sink one cheapest path at a time, and stops when the next
   * path would cost ≥ 0 (it would lower the value). Returns the total cost.
   */
  minCostFlow(source: number, sink: number): number {
    let total = 0;
    for (;;) {
      const dist = new Array<number>(this.size).fill(Infinity);
      const prevNode = new Array<number>(this.size).fill(-1);
      const prevEdge = new Array<number>(this.size).fill(-1);
      const inQueue = new Array<boolean>(this.size).fill(false);
      dist[source] = 0;
      const queue = [source];
      inQueue[source] = true;
      // SPFA: Bellman–Ford with a queue; deterministic because edges are visited in insertion order.
      while (queue.length) {
        const u = queue.shift()!;
        inQueue[u] = false;
        this.adj[u]!.forEach((e, i) => {
          if (e.cap - e.flow > 0 && dist[u]! + e.cost < dist[e.to]!) {
            dist[e.to] = dist[u]! + e.cost;
            prevNode[e.to] = u;
            prevEdge[e.to] = i;
            if (!inQueue[e.to]) {
              inQueue[e.to] = true;
              queue.push(e.to);
            }
          }
        });
      }
      if (dist[sink] === Infinity || dist[sink]! >= 0) return total;
      let push = Infinity;
      for (let v = sink; v !== source; v = prevNode[v]!) {
        const e = this.adj[prevNode[v]!]![prevEdge[v]!]!;
        push = Math.min(push, e.cap - e.flow);
      }
      for (let v = sink; v !== source; v = prevNode[v]!) {
        const e = this.adj[prevNode[v]!]![prevEdge[v]!]!;
        e.flow += push;
        this.adj[v]![e.rev]!.flow -= push;
      }
      total += push * dist[sink]!;
    }
  }
}
