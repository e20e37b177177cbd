import { useQuery } from '@tanstack/react-query';
import type { Body } from '@yiting/domain';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/useCursorList.ts';

export interface BodyNode extends Body {
  children?: BodyNode[];
}

/** Bodies are few (a city, its counties and towns: dozens); read them all and nest them by parentId. */
export function useBodyTree() {
  return useQuery({
    queryKey: ['/bodies', 'tree'],
    queryFn: async ({ signal }) => {
      const all: Body[] = [];
      let cursor: string | null = null;
      // Bounded: 20 pages of 200 is far beyond any real tree.
      for (let i = 0; i < 20; i++) {
        const page: Page<Body> = await api.get<Page<Body>>('/bodies', { limit: 200, cursor }, signal);
        all.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return nest(all);
    },
    staleTime: 60_000,
  });
}

export function nest(bodies: Body[]): { roots: BodyNode[]; count: number; withChildren: string[] } {
  const nodes = new Map<string, BodyNode>(bodies.map((b) => [b.id, { ...b }]));
  const roots: BodyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  const withChildren = [...nodes.values()].filter((n) => n.children?.length).map((n) => n.id);
  return { roots, count: bodies.length, withChildren };
}
