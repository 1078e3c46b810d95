// Reads LSP frames (`Content-Length: N\r\n\r\n` + N bytes of JSON) from a byte stream and survives bad
// ones. vscode-jsonrpc's own reader stops understanding the stream after one bad header (`Content-Length:
// -1` or `abc`), so the server went deaf for good; this one rejects the frame, says so, and resynchronises
// on the next `Content-Length:` header.
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-jsonrpc';

/** No request of a client is this large (a 10 MB report is 30 MB of UTF-8 at most); a larger length is a bad header. */
export const MAX_FRAME = 256 * 1024 * 1024;

const HEADER_END = Buffer.from('\r\n\r\n');
const LENGTH_HEADER = 'content-length:';
/** Bytes kept when skipping noise, so that a header cut between two chunks is still found. */
const KEEP = LENGTH_HEADER.length + 4;
/** A header block longer than this is noise. */
const MAX_HEADER = 8 * 1024;

export class ResyncingMessageReader extends AbstractMessageReader {
  private header: Buffer = Buffer.alloc(0);
  private body?: { bytes: Buffer; filled: number };
  private callback?: DataCallback;

  /** `report` is told, in words for the log, about every frame rejected. */
  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly report: (message: string) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string) => this.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('end', onClose);
    this.input.on('close', onClose);
    return {
      dispose: () => {
        this.input.off('data', onData);
        this.input.off('error', onError);
        this.input.off('end', onClose);
        this.input.off('close', onClose);
        this.callback = undefined;
      },
    };
  }

  /** Feeds bytes in (public for tests: frames can be split anywhere). */
  push(chunk: Buffer): void {
    let rest: Buffer = chunk;
    while (rest.length) {
      if (this.body) {
        const { bytes } = this.body;
        const n = Math.min(bytes.length - this.body.filled, rest.length);
        rest.copy(bytes, this.body.filled, 0, n);
        this.body.filled += n;
        rest = rest.subarray(n);
        if (this.body.filled === bytes.length) {
          this.body = undefined;
          this.deliver(bytes);
        }
        continue;
      }
      this.header = this.header.length ? Buffer.concat([this.header, rest]) : rest;
      rest = Buffer.alloc(0);
      rest = this.readHeader() ?? rest;
    }
  }

  /** Parses a header block from `this.header`; returns the bytes after it (start of a body), or undefined to wait. */
  private readHeader(): Buffer | undefined {
    for (;;) {
      const at = this.header.toString('latin1').toLowerCase().indexOf(LENGTH_HEADER);
      if (at < 0) {
        if (this.header.length > KEEP) {
          this.reject(`丢弃了 ${this.header.length - KEEP} 字节无法识别的数据（no Content-Length header）`);
          this.header = Buffer.from(this.header.subarray(this.header.length - KEEP));
        }
        return undefined;
      }
      if (at > 0) {
        // Bytes before the header: the rest of a rejected frame, or noise.
        if (!/^\s*$/.test(this.header.subarray(0, at).toString('latin1'))) this.reject(`丢弃了 ${at} 字节无法识别的数据（skipped to the next header）`);
        this.header = Buffer.from(this.header.subarray(at));
      }
      const end = this.header.indexOf(HEADER_END);
      if (end < 0) {
        if (this.header.length > MAX_HEADER) {
          this.reject(`消息头超过 ${MAX_HEADER} 字节，已丢弃（header too long）`);
          this.header = Buffer.from(this.header.subarray(LENGTH_HEADER.length));
          continue;
        }
        return undefined;
      }
      const block = this.header.subarray(0, end).toString('latin1');
      const after = this.header.subarray(end + HEADER_END.length);
      this.header = Buffer.alloc(0);
      const length = contentLength(block);
      if (typeof length === 'string') {
        this.reject(`${length}，已丢弃该消息并在下一个消息头处继续（frame rejected, resynchronising）`);
        this.header = Buffer.from(after);
        continue;
      }
      this.body = { bytes: Buffer.alloc(length), filled: 0 };
      if (length === 0) {
        this.body = undefined;
        this.reject('消息体为空（Content-Length: 0），已丢弃');
        this.header = Buffer.from(after);
        continue;
      }
      return Buffer.from(after);
    }
  }

  private deliver(bytes: Buffer): void {
    let message: Message;
    try {
      message = JSON.parse(bytes.toString('utf8')) as Message;
    } catch (error) {
      this.reject(`消息体不是有效的 JSON（${(error as Error).message}），已丢弃`);
      return;
    }
    if (!message || typeof message !== 'object' || Array.isArray(message)) {
      this.reject('消息体不是 JSON 对象，已丢弃');
      return;
    }
    this.callback?.(message);
  }

  private reject(message: string): void {
    this.report(`fazhi-lint：收到无效的 LSP 消息：${message}`);
  }
}

/** The Content-Length of a header block, or why the block is bad. */
export function contentLength(block: string): number | string {
  let length: number | string = '消息头缺少 Content-Length';
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return `消息头的一行缺少冒号：${JSON.stringify(line.slice(0, 80))}`;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,10}$/.test(value)) return `Content-Length 的值 ${JSON.stringify(value.slice(0, 40))} 不是非负整数`;
    const n = Number(value);
    if (n > MAX_FRAME) return `Content-Length 的值 ${n} 超过上限 ${MAX_FRAME}`;
    length = n;
  }
  return length;
}
