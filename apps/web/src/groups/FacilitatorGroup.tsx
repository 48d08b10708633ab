import type { Schemas } from '../api/client';

/** Placeholder until this screen is built (replaced in this work). */
export default function Placeholder({ group }: { group: Schemas['GroupDetailView'] }) {
  return <h1>{group.name}</h1>;
}
