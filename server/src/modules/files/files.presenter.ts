import type { FileRow } from './files.repository.ts';

export function presentFile(f: FileRow) {
  return {
    id: f.id,
    name: f.original_name,
    sizeBytes: f.size_bytes,
    mediaType: f.media_type,
    sha256: f.sha256,
    createdAt: new Date(f.created_at).toISOString(),
  };
}
