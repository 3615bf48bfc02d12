// @ts-check
/**
 * Safe file lookup and cached file representations for the built app and
 * for feed files served as-is.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Representation } from './http-caching.mjs';

/** @type {Record<string, string>} */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** @param {string} filePath */
export function contentTypeFor(filePath) {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Already-compressed formats (images, woff2) gain nothing from gzip.
 * @param {string} contentType
 */
export function isCompressible(contentType) {
  return /^(text\/|application\/(json|feed\+json|manifest\+json|xml|wasm)|image\/svg\+xml)/.test(
    contentType,
  );
}

/**
 * Maps a URL path to a file under root, or null when the path is malformed,
 * leaves root (also through symlinks) or names a dotfile.
 * @param {string} root absolute directory
 * @param {string} urlPath path part of the URL, still percent-encoded
 * @returns {Promise<{ file: string, stat: import('node:fs').Stats } | null>}
 */
export async function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((s) => s === '..' || s.startsWith('.'))) return null;
  let file = path.resolve(root, ...segments);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    let stat = await fs.stat(file);
    if (stat.isDirectory()) {
      file = path.join(file, 'index.html');
      stat = await fs.stat(file);
    }
    if (!stat.isFile()) return null;
    const real = await fs.realpath(file);
    const realRoot = await fs.realpath(root);
    if (!real.startsWith(realRoot + path.sep)) return null;
    return { file, stat };
  } catch {
    return null;
  }
}

/** Bigger files are streamed uncompressed rather than held in memory. */
const MAX_CACHED_BYTES = 64 * 1024 * 1024;

/**
 * Representations of files, rebuilt only when a file's mtime or size change,
 * so each file version is hashed and compressed once.
 */
export function createFileCache() {
  /** @type {Map<string, { mtimeMs: number, size: number, contentType: string, rep: Representation }>} */
  const cache = new Map();
  return {
    /**
     * @param {string} file
     * @param {import('node:fs').Stats} stat
     * @param {string} contentType
     * @returns {Promise<Representation | null>} null when too big to cache
     */
    async get(file, stat, contentType) {
      if (stat.size > MAX_CACHED_BYTES) return null;
      const hit = cache.get(file);
      if (
        hit &&
        hit.mtimeMs === stat.mtimeMs &&
        hit.size === stat.size &&
        hit.contentType === contentType
      ) {
        return hit.rep;
      }
      const body = await fs.readFile(file);
      const rep = new Representation(body, {
        contentType,
        lastModified: stat.mtimeMs,
        compressible: isCompressible(contentType),
      });
      cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, contentType, rep });
      return rep;
    },
  };
}
