// The lazy chunk of embedded posts (embeds-code.ts): what a feed with embeds needs and other
// feeds never load.
export { EmbedCard } from './EmbedCard';
export { keepPastedEmbeds, splitAtEmbeds } from './pasted-embeds';
