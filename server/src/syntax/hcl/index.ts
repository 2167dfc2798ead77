export type * from './ast';
export { parseHcl, MAX_NESTING } from './parser';
export { forEachChild, childrenOf, nodeAt } from './walk';
export { debugTree } from './debug-tree';
