// The code for pages of the chain, as one lazy chunk that feed-session.ts loads at the first page
// it needs: most readers never load an older page, nor come back to a gap.
export { fetchPage } from './page-request';
export { walkGap } from './gap-walk';
