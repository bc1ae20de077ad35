/**
 * Edits an answers file in place: the YAML document is changed node by node, so the user's
 * comments, key order and formatting survive, and written atomically after every change.
 */
import { isMap, isScalar, isSeq, Pair, parseDocument, Scalar, visit, YAMLMap } from 'yaml';
import type { Document, Node } from 'yaml';
import type { AnswerValue, Level } from '../checklist/schema.js';
import { stripBom } from '../input/source-position.js';
import { withEvidence } from './evidence-list.js';
import type { EvidenceOutcome } from './evidence-list.js';
import { FORMAT_VERSION } from './format.js';
import type { EvidenceItem } from './model.js';
import { answerEntrySchema, META_FIELDS } from './schema.js';
import type { AnswersMeta } from './schema.js';

export interface AnswerUpdate {
  value: AnswerValue | undefined;
  note?: string;
  /** When the answer was given or confirmed. With it, `by` names who did, or goes when that is unknown. */
  answered?: string;
  by?: string;
}

/** A new file's fields: the assessment fields the schema declares, the level always. */
export type NewFileMeta = AnswersMeta & {
  level: Level;
  checklists?: string[];
  versions?: Record<string, string>;
  schemaRef?: string;
};

export class AnswersDocument {
  private constructor(private readonly doc: Document) {}

  /** Wraps the text of an existing (already validated) answers file. */
  static fromText(text: string): AnswersDocument {
    const doc = parseDocument(stripBom(text), { schema: 'core', merge: false, uniqueKeys: true });
    unshareAliases(doc);
    return new AnswersDocument(doc);
  }

  /** A new answers file with a short explanatory header. */
  static create(meta: NewFileMeta): AnswersDocument {
    const lines = [
      ...(meta.schemaRef ? [`# yaml-language-server: $schema=${meta.schemaRef}`] : []),
      '# breachready answers file, written by the interview after every answer.',
      '# Edit it by hand if you like: your comments are kept. Report: breachready report --answers <this file>',
      `breachready: ${FORMAT_VERSION}`,
    ];
    const document = AnswersDocument.fromText(`${lines.join('\n')}\n`);
    for (const key of META_FIELDS) document.setMeta(key, meta[key]);
    if (meta.checklists?.length) {
      const node = document.doc.createNode(meta.checklists);
      node.flow = true;
      document.doc.set('checklists', node);
    }
    document.setVersions(meta.versions ?? {});
    document.doc.set('answers', new YAMLMap());
    return document;
  }

  /** Records the version of each checklist the answers were given against. */
  setVersions(versions: Record<string, string>): void {
    const node = this.doc.get('versions', true);
    if (isMap(node)) {
      for (const [id, version] of Object.entries(versions)) node.set(id, version);
    } else if (Object.keys(versions).length) this.doc.set('versions', this.doc.createNode(versions));
  }

  /** Sets an assessment field (organization, assessor, date, level); empty deletes it. */
  setMeta(key: keyof AnswersMeta, value: AnswersMeta[keyof AnswersMeta]): void {
    if (value === undefined || value === null || value === '') this.doc.delete(key);
    else this.doc.set(key, value);
  }

  /**
   * Records an answer. A bare value stays shorthand (`id: no`); with a note or a date it becomes a
   * mapping. Fields the interview does not ask about (owner, evidence, accepted) are kept as they were.
   */
  setAnswer(globalId: string, update: AnswerUpdate): void {
    const map = this.answersMap();
    const existing = map.get(globalId, true);
    const note = update.note?.trim() || undefined;
    if (!isMap(existing) && note === undefined && update.answered === undefined) {
      // Keep the scalar node (and any comment on it) when there is one; replace only its value.
      if (isScalar(existing)) existing.value = update.value ?? null;
      else map.set(globalId, update.value ?? null);
      return;
    }
    const entry = this.answerEntry(globalId);
    setOrDelete(entry, 'answer', update.value);
    if (update.answered !== undefined) {
      setOrDelete(entry, 'answered', update.answered);
      setOrDelete(entry, 'by', update.by?.trim() || undefined);
    }
    setOrDelete(entry, 'note', note);
  }

  /**
   * Adds an evidence item to an answer (or refreshes the same link or file: evidence-list.ts has
   * the rules), turning a shorthand answer or shorthand evidence into the longer form. Other
   * fields and comments stay as they are.
   */
  addEvidence(globalId: string, item: EvidenceItem): EvidenceOutcome {
    const entry = this.answerEntry(globalId);
    const node = entry.get('evidence', true);
    const shorthand = isScalar(node) && typeof node.value === 'string' ? [{ text: node.value }] : [];
    const listed = isSeq(node) ? (node.toJSON() as EvidenceItem[]) : shorthand;
    const note = entry.get('note');
    const next = withEvidence({ note: typeof note === 'string' ? note : undefined, evidence: listed }, item);
    if (next.converted) setOrDelete(entry, 'note', next.note);
    if (!isSeq(node) || next.converted) {
      setField(entry, 'evidence', this.doc.createNode(next.evidence));
    } else if (next.outcome === 'added') {
      node.add(this.doc.createNode(item));
    } else {
      // The item's own node is updated field by field, so its comments and order stay.
      const target = node.items[next.index];
      const fields = next.evidence[next.index]!;
      if (isMap(target)) for (const [key, value] of Object.entries(fields)) target.set(key, value);
      else node.items[next.index] = this.doc.createNode(fields);
    }
    return next.outcome;
  }

  /** An answer as a mapping: a shorthand (or missing) one becomes `answer: value`, keeping its comment. */
  private answerEntry(globalId: string): YAMLMap {
    const map = this.answersMap();
    const existing = map.get(globalId, true);
    if (isMap(existing)) return existing;
    const entry = new YAMLMap();
    entry.set('answer', isScalar(existing) ? existing.value : null);
    if (isScalar(existing) && existing.comment) entry.comment = existing.comment;
    map.set(globalId, entry);
    return entry;
  }

  /** The `answers:` mapping, made when the file has none. */
  private answersMap(): YAMLMap {
    const answers = this.doc.get('answers', true);
    if (isMap(answers)) return answers;
    const made = new YAMLMap();
    this.doc.set('answers', made);
    return made;
  }

  toString(): string {
    return this.doc.toString({ lineWidth: 0 });
  }
}

/**
 * Writes each alias out as a copy of what it names, and drops the anchors: an edit of an anchored
 * answer would otherwise change its aliases too, or leave them naming an anchor that is gone. The
 * file was read with aliases bounded in size, so the copies are small.
 */
function unshareAliases(doc: Document): void {
  let aliases = false;
  visit(doc, {
    Alias(_key, alias) {
      aliases = true;
      // The copy is visited in turn, so aliases inside it are written out too.
      return (alias.resolve(doc)?.clone() as Node | undefined) ?? new Scalar(null);
    },
  });
  if (!aliases) return;
  visit(doc, {
    Node(_key, node) {
      delete node.anchor;
    },
  });
}

/** The fields of an answer in the order the schema declares them (and the template shows them). */
const ENTRY_FIELDS = Object.keys(answerEntrySchema.def.shape);

function setOrDelete(map: YAMLMap, key: string, value: string | undefined): void {
  if (value === undefined && key !== 'answer') map.delete(key);
  // A plain value set on a field keeps its node, and with it any comment on the line.
  else if (map.has(key)) map.set(key, value ?? null);
  else setField(map, key, new Scalar(value ?? null));
}

function setField(map: YAMLMap, key: string, value: Node): void {
  if (map.has(key)) {
    map.set(key, value);
    return;
  }
  // A new field goes after the fields the schema puts before it, so a written entry reads in order.
  const earlier = new Set(ENTRY_FIELDS.slice(0, ENTRY_FIELDS.indexOf(key)));
  let at = 0;
  map.items.forEach((pair, index) => {
    if (earlier.has(String(isScalar(pair.key) ? pair.key.value : pair.key))) at = index + 1;
  });
  map.items.splice(at, 0, new Pair(new Scalar(key), value));
}
