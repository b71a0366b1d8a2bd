import { existsSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SavedTurnTranscriptSchema, TURN_TRANSCRIPTS_FILE, type SavedTurnTranscript } from '../../../core/session/turn-transcripts.js';
import { isMissing } from '../session/session-files.js';

/** `<session>/turn-transcripts.jsonl`: the transcripts made during the call, one JSON line each. */
export function turnTranscriptsPath(sessionDir: string): string {
  return join(sessionDir, TURN_TRANSCRIPTS_FILE);
}

/**
 * Appends one transcript and flushes it to disk (as events.jsonl is), so a crash keeps what was
 * transcribed. Does nothing when the session folder is gone (deleted while the recogniser ran).
 */
export async function appendTurnTranscript(sessionDir: string, transcript: SavedTurnTranscript): Promise<boolean> {
  if (!existsSync(sessionDir)) return false;
  const file = await open(turnTranscriptsPath(sessionDir), 'a');
  try {
    await file.appendFile(`${JSON.stringify(SavedTurnTranscriptSchema.parse(transcript))}\n`);
    await file.datasync();
  } finally {
    await file.close();
  }
  return true;
}

/** The valid transcripts of a turn-transcripts.jsonl text, in order; bad or truncated lines are skipped. */
export function parseTurnTranscripts(text: string): { transcripts: SavedTurnTranscript[]; skipped: number } {
  const transcripts: SavedTurnTranscript[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const result = SavedTurnTranscriptSchema.safeParse(JSON.parse(line));
      if (result.success) transcripts.push(result.data);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { transcripts, skipped };
}

/** The session's saved transcripts; none when the file is missing (sessions from before it, or nothing transcribed). */
export async function readTurnTranscripts(sessionDir: string): Promise<{ transcripts: SavedTurnTranscript[]; skipped: number }> {
  try {
    return parseTurnTranscripts(await readFile(turnTranscriptsPath(sessionDir), 'utf8'));
  } catch (error) {
    if (isMissing(error)) return { transcripts: [], skipped: 0 };
    throw error;
  }
}
