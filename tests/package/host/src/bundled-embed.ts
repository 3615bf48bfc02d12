// A page without React code of its own that imports the script embed through its bundler, as
// docs/embedding.md offers (`live-blog/embed.js`, imported for its effect).
import 'live-blog/embed.js';
