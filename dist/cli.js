#!/usr/bin/env node
import { mkdir, rm, mkdtemp, writeFile } from 'node:fs/promises';
import { join, isAbsolute, resolve as resolve$1, delimiter, relative, dirname } from 'node:path';
import { promisify, parseArgs } from 'node:util';
import { existsSync, readFileSync, statSync, accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn, execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Installed distributions that differ between base and head. Pure.
/** Names compare case-insensitively with - _ . equivalent (PEP 503). */
const normalise = (name) => name.toLowerCase().replace(/[-_.]+/g, '-');
function diffDistributions(base, head) {
    const b = new Map(Object.entries(base).map(([n, v]) => [normalise(n), { n, v }]));
    const h = new Map(Object.entries(head).map(([n, v]) => [normalise(n), { n, v }]));
    const changes = [];
    for (const key of new Set([...b.keys(), ...h.keys()])) {
        const x = b.get(key);
        const y = h.get(key);
        if (x?.v === y?.v)
            continue;
        changes.push({ name: (y ?? x).n, base: x?.v ?? null, head: y?.v ?? null });
    }
    return changes.sort((a, z) => a.name.localeCompare(z.name));
}

// A small seeded generator, so a run's interleaving order can be reproduced
// from the seed recorded in its results.
/** mulberry32: 32-bit state, fast, good enough for shuffling run orders. */
function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** Fisher-Yates shuffle into a new array. */
function shuffled(items, random) {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
}
function randomSeed() {
    return Math.floor(Math.random() * 2 ** 32);
}

/**
 * Bad input from the user: a flag, a config key, a target name. The message
 * names the input, the value, and what would be accepted. Exit status 2.
 */
class UsageError extends Error {
    name = 'UsageError';
}
/** The environment cannot do what was asked (no interpreter, not a repository...). Exit status 2. */
class SetupError extends Error {
    name = 'SetupError';
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function getLineColFromPtr(string, ptr) {
    let lines = string.slice(0, ptr).split(/\r?\n/);
    return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
    let lines = string.split(/\r?\n/);
    let codeblock = '';
    let numberLen = (Math.log10(line + 1) | 0) + 1;
    for (let i = line - 1; i <= line + 1; i++) {
        let l = lines[i - 1];
        if (!l)
            continue;
        codeblock += i.toString().padEnd(numberLen, ' ');
        codeblock += ':  ';
        codeblock += l;
        codeblock += '\n';
        if (i === line) {
            codeblock += ' '.repeat(numberLen + column + 2);
            codeblock += '^\n';
        }
    }
    return codeblock;
}
class TomlError extends Error {
    line;
    column;
    codeblock;
    constructor(message, options) {
        const [line, column] = getLineColFromPtr(options.toml, options.ptr);
        const codeblock = makeCodeBlock(options.toml, line, column);
        super(`Invalid TOML document: ${message}\n\n${codeblock}`, options);
        this.line = line;
        this.column = column;
        this.codeblock = codeblock;
    }
    /** @internal */
    static x(message, ctx, ptr) {
        throw new TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function parseString(ctx) {
    let startPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p++);
    let first = c;
    let isLiteral = c === 0x27; /* ' */
    let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
    if (isMultiline) {
        // Trim initial newline
        if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 0xa /* \n */)
            ctx.p++;
        else if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)
            ctx.p += 2;
    }
    // For the record: it is not worth it to use a fast-path for literal strings using `indexOf`.
    // Doing a char-by-char iteration ends up dispatching less instructions, for the same wall-clock runtime.
    let parsed = '';
    let sliceStart = ctx.p;
    // states:
    //   0 - decoding
    //   1 - decoding escape
    //   2 - whitespace escape (no newline encountered yet, must fail on non-whitespace)
    //   3 - whitespace escape (newline encountered, allowed to transition back to normal decode)
    let state = 0;
    for (; ctx.p < ctx.s.length; ctx.p++) {
        c = ctx.s.charCodeAt(ctx.p);
        // Deal with newlines first, since that simplifies control character checking and handling across all states
        if (isMultiline && (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */))) {
            state = state && 3;
        }
        // Control characters are banned in TOML, so we throw an error if we encounter them
        else if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in strings', ctx);
        }
        // The string might terminate while we're parsing through a newline escape.
        // It must have encountered a newline; otherwise, it'll simply fail in another branch.
        else if ((!state || state === 3) && c === first && (!isMultiline || (ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first))) {
            if (isMultiline) {
                // If the string ends with 4-5 quotes, then the first 1-2 are part of the string
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
            }
            // If we're in a newline escape still, then there's nothing to add.
            if (!state) {
                // Avoid a useless concat operation if the string can be used as-is.
                let s = ctx.s.slice(sliceStart, ctx.p);
                parsed = parsed ? parsed + s : s;
            }
            ctx.p += isMultiline ? 3 : 1;
            return parsed;
        }
        // Baseline state; keep moving forward unless an escape sequence starts
        else if (!state) {
            if (!isLiteral && c === 0x5c /* \ */) {
                parsed += ctx.s.slice(sliceStart, (sliceStart = ctx.p));
                state = 1;
            }
        }
        else if (state === 1) {
            if (c === 0x78 /* x */ || c === 0x75 /* u */ || c === 0x55 /* U */) { // Unicode escape
                let errPtr = ctx.p++ - 1;
                let value = 0;
                let len = c === 0x78 /* x */ ? 2 : c === 0x75 /* u */ ? 4 : 8;
                for (let j = 0; j < len; j++, ctx.p++) {
                    let hex = ctx.s.charCodeAt(ctx.p);
                    let digit = 
                    /* 0-9 */ hex >= 0x30 && hex <= 0x39 ? hex - 0x30 :
                        /* A-F */ hex >= 0x41 && hex <= 0x46 ? hex - 0x41 + 10 :
                            /* a-f */ hex >= 0x61 && hex <= 0x66 ? hex - 0x61 + 10 : -1;
                    if (digit < 0)
                        TomlError.x('invalid non-hex character in unicode escape', ctx);
                    value = (value << 4) | digit;
                }
                // Because JS does bitwise on signed 32bit integers, all 0xfzzzzzzz values are actually seen as negative
                if (value < 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
                    TomlError.x('invalid unicode escape', ctx, errPtr);
                }
                parsed += String.fromCodePoint(value);
                sliceStart = ctx.p--;
                state = 0;
            }
            // Newline escape sequence. We only need to care about spaces and tabs; newlines are dealt with earlier
            else if (isMultiline && (c === 0x20 || c === 0x9 /* \t */)) {
                state = 2;
            }
            // Basic escape sequence
            else {
                if (c === 0x62 /* b */)
                    parsed += '\b';
                else if (c === 0x74 /* t */)
                    parsed += '\t';
                else if (c === 0x6e /* n */)
                    parsed += '\n';
                else if (c === 0x66 /* f */)
                    parsed += '\f';
                else if (c === 0x72 /* r */)
                    parsed += '\r';
                else if (c === 0x65 /* e */)
                    parsed += '\x1b';
                else if (c === 0x22 /* " */)
                    parsed += '"';
                else if (c === 0x5c /* \ */)
                    parsed += '\\';
                else
                    TomlError.x('unrecognised escape sequence', ctx);
                sliceStart = ctx.p + 1;
                state = 0;
            }
        }
        // Newline escape continuation: keep moving forward until the first non-whitespace char
        else if (c !== 0x20 && c !== 0x9 /* \t */) {
            if (state === 2)
                TomlError.x('invalid escape: only line-ending whitespace may be escaped', ctx, sliceStart);
            // State cannot be zero, or we'd have branched earlier already.
            // If it's a backslash, immediately transition to the escape state so it can be processed.
            state = !isLiteral && c === 0x5c /* \ */ ? 1 : 0;
            sliceStart = ctx.p;
        }
    }
    TomlError.x('unfinished string', ctx, startPtr);
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
class TomlDate extends Date {
    #hasDate = false;
    #hasTime = false;
    #offset = null;
    constructor(date, fasttype, unsafeDelim) {
        let hasDate = true;
        let hasTime = true;
        let offset = 'Z';
        let c;
        if (typeof date === 'string') {
            if (fasttype)
                prep: {
                    // Date-time
                    if (fasttype < 3) {
                        if (+date.slice(11, 13) > 23) {
                            date = '';
                            break prep;
                        }
                        // Local
                        if (fasttype === 2) {
                            offset = null;
                            date += 'Z';
                        }
                        // Offset; keep track of offset if not Z
                        else if ((c = date.charCodeAt(date.length - 1)) !== 0x5a /* Z */ && c !== 0x7a /* z */) {
                            offset = date.slice(date.length - 6);
                        }
                        if (unsafeDelim)
                            date = date.slice(0, 10) + 'T' + date.slice(11);
                    }
                    // Time
                    else if (fasttype === 4) {
                        date = +date.slice(0, 2) > 23 ? '' : `0000-01-01T${date}Z`;
                    }
                    hasDate = fasttype !== 4;
                    hasTime = fasttype !== 3;
                }
            else {
                let match = date.match(DATE_TIME_RE);
                if (match) {
                    if (!match[1]) {
                        hasDate = false;
                        date = `0000-01-01T${date}`;
                    }
                    hasTime = !!match[2];
                    // Make sure to use T instead of a space. Breaks in case of extreme values otherwise.
                    hasTime && date[10] === ' ' && (date = date.replace(' ', 'T'));
                    // Do not allow rollover hours.
                    if (match[2] && +match[2] > 23) {
                        date = '';
                    }
                    else {
                        offset = match[3] || null;
                        if (!offset && hasTime)
                            date += 'Z';
                    }
                }
                else {
                    date = '';
                }
            }
        }
        super(date);
        if (!isNaN(this.getTime())) {
            this.#hasDate = hasDate;
            this.#hasTime = hasTime;
            this.#offset = offset;
        }
    }
    isDateTime() {
        return this.#hasDate && this.#hasTime;
    }
    isLocal() {
        return !this.#hasDate || !this.#hasTime || !this.#offset;
    }
    isDate() {
        return this.#hasDate && !this.#hasTime;
    }
    isTime() {
        return this.#hasTime && !this.#hasDate;
    }
    isValid() {
        return this.#hasDate || this.#hasTime;
    }
    toISOString() {
        let iso = super.toISOString();
        // Local Date
        if (this.isDate())
            return iso.slice(0, 10);
        // Local Time
        if (this.isTime())
            return iso.slice(11, 23);
        // Local DateTime
        if (this.#offset === null)
            return iso.slice(0, -1);
        // Offset DateTime
        if (this.#offset === 'Z' || this.#offset === 'z')
            return iso;
        // This part is quite annoying: JS strips the original timezone from the ISO string representation
        // Instead of using a "modified" date and "Z", we restore the representation "as authored"
        let offset = (+(this.#offset.slice(1, 3)) * 60) + +(this.#offset.slice(4, 6));
        offset = this.#offset[0] === '-' ? offset : -offset;
        let offsetDate = new Date(this.getTime() - (offset * 60e3));
        return offsetDate.toISOString().slice(0, -1) + this.#offset;
    }
    static wrapAsOffsetDateTime(jsDate, offset = 'Z') {
        let date = new TomlDate(jsDate);
        date.#offset = offset;
        return date;
    }
    static wrapAsLocalDateTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#offset = null;
        return date;
    }
    static wrapAsLocalDate(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasTime = false;
        date.#offset = null;
        return date;
    }
    static wrapAsLocalTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasDate = false;
        date.#offset = null;
        return date;
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function isDigit(char, base = 10) {
    return base === 16
        ? (char > 0x2f && char < 0x3a) || (char > 0x40 && char < 0x47) || (char > 0x60 && char < 0x67)
        : (char > 0x2f && char < 0x30 + base);
}
function isEndOfValue(char, delim) {
    // Whitespace -- we're permissive on `\r` for performance; it'll be dealt with later anyway
    return char === 0x20 || char === 0x9 /* \t */ || char === 0xa /* \n */ || char === 0xd /* \r */ ||
        // Structure end or next value delimiter
        (delim && (char === delim || char === 0x2c /* , */)) ||
        // Comment
        char === 0x23; /* # */
}
/** @internal */
function extractValue(ctx, end) {
    let errPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p);
    // Structs
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        ctx.d-- || TomlError.x('document contains excessively nested structures. aborting.', ctx);
        let value = c === 0x5b /* [ */
            ? parseArray(ctx)
            : parseInlineTable(ctx);
        ctx.d++;
        return value;
    }
    // Strings
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
        return parseString(ctx);
    }
    // Booleans
    // We can fast-path because the first character is enough to know the only possible value
    if (c === 0x74 /* t */) { // Only possible valid value is `true`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x72 || ctx.s.charCodeAt(++ctx.p) !== 0x75 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, true;
    }
    if (c === 0x66 /* f */) { // Only possible valid value is `false`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6c || ctx.s.charCodeAt(++ctx.p) !== 0x73 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, false;
    }
    if (c === 0x2b /* + */ || c === 0x2d /* - */) {
        return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 0x2c - c, end);
    }
    // Rough heuristic, but `parseDate` falls back to number parsing if it's a false positive.
    // e.g.: `a = 1\n-------------- = 1` would match this heuristic, but gracefully fallback to numbers.
    if (ctx.s.charCodeAt(ctx.p + 4) === 0x2d /* - */ && ctx.s.charCodeAt(ctx.p + 7) === 0x2d /* - */) {
        return parseDate(ctx, c, end);
    }
    // Same logic as above; `parseTime` falls back to number parsing if it's a false positive.
    if (ctx.s.charCodeAt(ctx.p + 2) === 0x3a /* : */) {
        return parseTime(ctx, c, end);
    }
    return parseNumber(ctx, ctx.p, c, 0, end);
}
// State:
// 0: init
// 1: integer
// 2: fractional dot
// 3: fractional
// 4: exponent letter
// 5: exponent
// 6: exponent sign
// 7: exponent with sign
// >9: underscore; see below
//     -> 12: was integer
//     -> 14: was fractional
//     -> 16: was exponent
// states 2-5, 14, 16 are ONLY permitted iif base === 10
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
    let c = startChr;
    let state = 0;
    let hasUnderscores = false;
    // (+/-)inf
    if (c === 0x69 /* i */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x6e || ctx.s.charCodeAt(++ctx.p) !== 0x66)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, (sign || 1) / 0;
    }
    // (+/-)nan
    if (c === 0x6e /* n */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6e)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, NaN;
    }
    // Leading zero
    // Only allowed cases: `0<EOV>`, `0.(...)`, `0e(...)`, `0x(...)`, `0b(...)`, `0o(...)`
    // FWIW, `0e(...)` is a stupid case, but it's not banned per-se so we have to parse it
    if (c === 0x30 /* 0 */) {
        if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
            return ctx.bi === true ? 0n : 0; // note: conveniently deals with `-0`
        if (!sign) {
            if (c === 0x78 /* x */)
                return parseIntegerBaseN(ctx, startPtr, 16, endChr);
            else if (c === 0x62 /* b */)
                return parseIntegerBaseN(ctx, startPtr, 2, endChr);
            else if (c === 0x6f /* o */)
                return parseIntegerBaseN(ctx, startPtr, 8, endChr);
        }
        if (c === 0x2e /* . */)
            state = 2;
        else if (c === 0x65 /* e */ || c === 0x45 /* E */)
            state = 4;
        else
            TomlError.x('illegal leading zero', ctx, startPtr);
    }
    // If the 1st char is not a digit by now, then it's not a valid TOML value at all
    else if (!isDigit(c))
        TomlError.x('invalid value', ctx, startPtr);
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (!state)
            state = 1; // Detects single-digit numbers we can use a fast parse path for
        // The way the states are numbered is not random: underscores are always permitted in odd-numbered states and
        // never permitted in even-numbered ones.
        if (c === 0x5f /* _ */) {
            if (!(state & 1))
                TomlError.x('illegal underscore', ctx);
            state += 11; // 11 is a marker that makes the state even and greater than 9; see the numbering + rationale above
            hasUnderscores = true;
        }
        // Transition to fractional part.
        else if (state === 1 && c === 0x2e /* . */)
            state = 2;
        // Transition to exponent part.
        else if ((state === 1 || state === 3) && (c === 0x65 /* e */ || c === 0x45 /* E */))
            state = 4;
        // + and - are permitted in state 4 only (handled before entering the function for state 0)
        else if (state === 4 && (c === 0x2b /* + */ || c === 0x2d /* - */)) {
            state = 6;
        }
        // All special cases have been handled; only digits are allowed here
        else if (!isDigit(c))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear state flags
        else if (state > 9)
            state -= 11;
        else if (!(state & 1))
            state++;
    }
    // Single-char number; we can fast-path these very easily.
    if (!state) {
        let val = (startChr - 0x30 /* 0 */) * (sign || 1);
        return ctx.bi === true ? BigInt(val) : val;
    }
    // Even-numbered states absolutely require a digit next; not even end of value is permitted
    if (!(state & 1))
        TomlError.x('unfinished numeric value', ctx, startPtr);
    let str = ctx.s.slice(startPtr, ctx.p);
    if (hasUnderscores)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return state > 1
        ? parseFloat(str)
        : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
    let c, underscore = 1;
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (c === 0x5f /* _ */) {
            if (underscore & 1)
                TomlError.x('illegal underscore', ctx);
            underscore = 3;
        }
        // We only need to check if the number is a valid digit, nothing else is permitted
        else if (!isDigit(c, base))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear underscore flag
        else if (underscore & 1)
            underscore--;
    }
    // Trailing underscore is not allowed
    if (underscore & 1)
        TomlError.x('unfinished numeric value', ctx);
    let str = ctx.s.slice(startPtr + 2, ctx.p);
    if (underscore)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
    if (ctx.bi !== true)
        int: {
            let val = parseInt(str, base);
            if (!Number.isSafeInteger(val)) {
                if (ctx.bi)
                    break int;
                TomlError.x('integer value cannot be represented losslessly', ctx, startPtr);
            }
            return val;
        }
    return base === 10 ? BigInt(str) : BigInt((base === 2 ? '0b' : base === 8 ? '0o' : '0x') + str);
}
function parseDate(ctx, c, endChr) {
    let startPtr = ctx.p++, unsafeSeparator;
    if (!isDigit(c) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++))) {
        return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
    }
    ctx.p += 5;
    if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
        TomlError.x('invalid date-time: date part is malformed', ctx, startPtr);
    if (ctx.p >= ctx.s.length || (((c = ctx.s.charCodeAt(ctx.p)) !== 0x20 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 0x54 /* T */ && c !== 0x74 /* t */)) {
        let t = ctx.s.slice(startPtr, ctx.p);
        return readDate(ctx, t, 3, false, startPtr);
    }
    if (ctx.s.charCodeAt(ctx.p += 3) !== 0x3a /* : */)
        TomlError.x('invalid date-time: time part is malformed', ctx, startPtr);
    if (ctx.s.charCodeAt(ctx.p += 3) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    if (c = ctx.s.charCodeAt(ctx.p)) {
        if (c === 0x5a /* Z */ || c === 0x7a /* z */) {
            let t = ctx.s.slice(startPtr, ++ctx.p);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, '[+00:00]');
        }
        if (c === 0x2b /* + */ || c === 0x2d /* - */) {
            // Temporal's ZonedDateTime is weird asf when it comes to dealing with traditional offsets...
            // It's 1.2x faster to allocate a new string to pass to ZDT than use Instant.toZonedDateTimeISO
            let t = ctx.s.slice(startPtr, ctx.p += 6);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, !ctx.ld && ('[' + ctx.s.slice(ctx.p - 6, ctx.p) + ']'));
        }
    }
    let t = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
    let start = ctx.p;
    if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
        return parseNumber(ctx, --ctx.p, c, 0, endChr);
    }
    if (ctx.s.charCodeAt(ctx.p += 4) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    let t = ctx.s.slice(start, ctx.p);
    return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
    if (ctx.ld) {
        let date = new TomlDate(str, type, unsafeDelim);
        if (!date.isValid())
            TomlError.x('invalid date', ctx, errPtr);
        return date;
    }
    try {
        if (temporalSuffix)
            str += temporalSuffix;
        switch (type) {
            case 1: return Temporal.ZonedDateTime.from(str);
            case 2: return Temporal.PlainDateTime.from(str);
            case 3: return Temporal.PlainDate.from(str);
            case 4: return Temporal.PlainTime.from(str);
        }
    }
    catch (e) {
        TomlError.x(e instanceof Error ? e.message : '' + e, ctx, errPtr);
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function skipComment(ctx) {
    for (; ctx.p < ctx.s.length; ctx.p++) {
        let c = ctx.s.charCodeAt(ctx.p);
        if (c === 0xa /* \n */)
            break;
        if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */) {
            ctx.p++;
            break;
        }
        if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in comments', ctx);
        }
    }
}
/** @internal */
function skipVoid(ctx, banNewLines, banComments) {
    let c;
    while (ctx.p < ctx.s.length) {
        while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 0x20 ||
            c === 0x9 /* \t */ ||
            (!banNewLines &&
                (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)))))
            ctx.p++;
        if (banComments || c !== 0x23 /* # */)
            break;
        skipComment(ctx);
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function parseKey(ctx, end = 0x3d /* = */) {
    // States:
    // 0: before first char
    // 1: parsing bare key
    // 2: after key component
    let startPtr;
    let state = 0;
    let parsed = [];
    let sliceStart;
    let c = ctx.s.charCodeAt(startPtr = ctx.p);
    do {
        // End of key
        if (c === end) {
            if (!state)
                TomlError.x('unexpected end of key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            return ctx.p++, parsed;
        }
        // Dotted key separator
        else if (c === 0x2e /* . */) {
            if (!state)
                TomlError.x('illegal empty bare key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            state = 0;
        }
        // Quoted key
        else if (!state && (c === 0x22 /* " */ || c === 0x27 /* ' */)) {
            if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
                TomlError.x('illegal quoted key: multiline strings are not allowed', ctx);
            parsed.push(parseString(ctx));
            state = 2;
            ctx.p--;
        }
        // Whitespace; no-op in state 0 and 2, end of bare key in state 1
        else if (c === 0x20 || c === 0x9 /* \t */) {
            if (state === 1) {
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
                state = 2;
            }
        }
        // If state is post-key, no character is allowed; otherwise ensure it's a bare-key component
        else if (state === 2 || (c < 0x30 && c !== 0x2d /* - */) || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61 && c !== 0x5f /* _ */) || c > 0x7a) {
            TomlError.x('illegal character in key', ctx);
        }
        // Illegal character
        else if (!state) {
            state = 1;
            sliceStart = ctx.p;
        }
    } while (c = ctx.s.charCodeAt(++ctx.p));
    TomlError.x('incomplete key-value: cannot find end of key', ctx, startPtr);
}
/** @internal */
function parseInlineTable(ctx) {
    let startPtr = ctx.p++;
    let res = Object.create(null);
    let seen = new Set();
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x7d /* } */) {
            ctx.p++;
            return res;
        }
        let k;
        let t = res;
        let hasOwn = false;
        let errPtr = ctx.p;
        let key = parseKey(ctx);
        for (let i = 0; i < key.length; i++) {
            if (i)
                t = hasOwn ? t[k] : (t[k] = Object.create(null));
            k = key[i];
            if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== 'object' || seen.has(t[k]))) {
                TomlError.x('trying to redefine an already defined value', ctx, errPtr);
            }
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor')) {
                t = ctx.uk !== 1 && TomlError.x('document contains an unsafe property', ctx, errPtr);
                break;
            }
            if (!hasOwn && unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
            }
        }
        if (hasOwn) {
            TomlError.x('trying to redefine an already defined value', ctx, errPtr);
        }
        skipVoid(ctx, true, true);
        let value = extractValue(ctx, 0x7d /* } */);
        if (t && typeof (t[k] = value) === 'object')
            seen.add(value);
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x7d /* } */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished table', ctx, startPtr);
}
/** @internal */
function parseArray(ctx) {
    let startPtr = ctx.p++;
    let res = [];
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x5d /* ] */) {
            ctx.p++;
            return res;
        }
        res.push(extractValue(ctx, 0x5d /* ] */));
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x5d /* ] */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished array', ctx, startPtr);
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function peekTable(ctx, key, table, meta, type) {
    let t = table;
    let m = meta;
    let k;
    let hasOwn = false;
    let state;
    for (let i = 0; i < key.length; i++) {
        if (i) {
            t = hasOwn ? t[k] : (t[k] = Object.create(null));
            m = (state = m[k]).c;
            if (type === 0 /* Type.DOTTED */ && (state.t === 1 /* Type.EXPLICIT */ || state.t === 2 /* Type.ARRAY */)) {
                return null;
            }
            if (state.t === 2 /* Type.ARRAY */) {
                let l = t.length - 1;
                t = t[l];
                m = m[l].c;
            }
        }
        k = key[i];
        if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 /* Type.DOTTED */ && m[k]?.d) {
            return null;
        }
        if (!hasOwn) {
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor'))
                return false;
            if (unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
                Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
            }
            m[k] = {
                t: i < key.length - 1 && type === 2 /* Type.ARRAY */
                    ? 3 /* Type.ARRAY_DOTTED */ : type,
                d: false,
                i: 0,
                c: Object.create(null),
            };
        }
    }
    state = m[k];
    if (state.t !== type && !(type === 1 /* Type.EXPLICIT */ && state.t === 3 /* Type.ARRAY_DOTTED */)) {
        // Bad key type!
        return null;
    }
    if (type === 2 /* Type.ARRAY */) {
        if (!state.d) {
            state.d = true;
            t[k] = [];
        }
        t[k].push(t = Object.create(null));
        state.c[state.i++] = (state = { t: 1 /* Type.EXPLICIT */, d: false, i: 0, c: Object.create(null) });
    }
    if (state.d) {
        // Redefining a table!
        return null;
    }
    state.d = true;
    if (type === 1 /* Type.EXPLICIT */) {
        t = hasOwn ? t[k] : (t[k] = Object.create(null));
    }
    else if (type === 0 /* Type.DOTTED */ && hasOwn) {
        return null;
    }
    return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
    if (peek === null || ctx.uk === 2)
        TomlError.x(peek === null
            ? 'trying to redefine an already defined table or value'
            : 'document contains an unsafe property', ctx, ptr);
}
function parse$1(toml, options = {}) {
    let ctx = {
        s: toml,
        p: 0,
        d: options.maxDepth ?? 1000,
        bi: options.integersAsBigInt ?? false,
        ld: options.useLegacyDate ?? true,
        uk: options.unsafeKeyBehaviour === 'throw' ? 2 : options.unsafeKeyBehaviour === 'drop' ? 1 : 0,
    };
    let res = Object.create(null);
    let meta = Object.create(null);
    let tmp;
    let skipping = false;
    let tbl = res;
    let m = meta;
    // BOM is allowed, skip.
    // JS is UTF-16, so we have to check for the UTF-16 BOM instead of the UTF-8 BOM sequence!
    if (toml.charCodeAt(0) === 0xfeff)
        ctx.p++;
    skipVoid(ctx);
    while (ctx.p < toml.length) {
        if (toml.charCodeAt(ctx.p) === 0x5b /* [ */) {
            let isTableArray = toml.charCodeAt(++ctx.p) === 0x5b; /* [ */
            tmp = ctx.p += +isTableArray;
            skipping = false;
            let k = parseKey(ctx, 0x5d /* ] */);
            if (isTableArray) {
                if (toml.charCodeAt(ctx.p) !== 0x5d /* ] */) {
                    TomlError.x('expected end of table array declaration', ctx);
                }
                ctx.p++;
            }
            let p = peekTable(ctx, k, res, meta, isTableArray ? 2 /* Type.ARRAY */ : 1 /* Type.EXPLICIT */);
            if (!p) {
                validateTablePeek(ctx, p, tmp);
                skipping = true;
            }
            else {
                m = p[2];
                tbl = p[1];
            }
        }
        else {
            tmp = ctx.p;
            let k = parseKey(ctx);
            let p = peekTable(ctx, k, tbl, m, 0 /* Type.DOTTED */);
            if (!p && !skipping)
                validateTablePeek(ctx, p, tmp);
            skipVoid(ctx, true, true);
            let v = extractValue(ctx, void 0);
            if (p && !skipping)
                p[1][p[0]] = v;
        }
        skipVoid(ctx, true);
        if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 0xa /* \n */ && (tmp !== 0xd /* \r */ || toml.charCodeAt(ctx.p + 1) !== 0xa /* \n */)) {
            TomlError.x('each key-value declaration must be followed by an end-of-line', ctx);
        }
        skipVoid(ctx);
    }
    return res;
}

// The --install input: a strategy name, or the user's own shell command.
const INSTALL_NAMES = ['auto', 'none', 'current', 'pip', 'uv'];
/**
 * Known names are strategies. Anything with a space, a slash or shell syntax is
 * a command; a lone unknown word is refused (a typo of "pip" should not be run
 * as a program). A one-word command can be written as "./install.sh" or
 * "sh -c make".
 */
function parseInstall(input, value, allowed) {
    const text = value.trim();
    if (allowed.includes(text))
        return { kind: text };
    if (/[\s/;&|$`<>()]/.test(text))
        return { kind: 'command', command: text };
    const why = INSTALL_NAMES.includes(text) ? ' here' : '';
    throw new UsageError(`${input}: "${value}" is not an install mode${why}; use ${allowed.join(', ')}, or a shell command such as "pip install .[fast]"`);
}

// A target is a module name as `import` accepts it: dotted identifiers. It is
// passed to the interpreter as one argument (never through a shell), but a
// clear refusal here beats a ModuleNotFoundError after installing everything.
const KEYWORDS = new Set(('False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try ' +
    'while with yield').split(' '));
// Python identifiers (PEP 3131): XID_Start then XID_Continue; this is the
// Unicode-category approximation of those two properties.
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;
/** Why `name` is not a valid dotted module name, or null when it is. */
function moduleNameProblem(name) {
    if (name.trim() === '')
        return 'it is empty';
    if (name !== name.trim())
        return 'it has leading or trailing spaces';
    if (name.startsWith('.'))
        return 'relative names are not accepted; give the absolute module name';
    if (/[/\\]/.test(name) || name.endsWith('.py')) {
        return 'it looks like a file path; give the dotted module name (src/mypkg/cli.py → mypkg.cli)';
    }
    if (name.includes('-')) {
        return `module names have no hyphens (distribution names do); did you mean ${name.replaceAll('-', '_')}?`;
    }
    for (const part of name.split('.')) {
        if (part === '')
            return 'it has an empty part between dots';
        if (KEYWORDS.has(part))
            return `"${part}" is a Python keyword, which no importable module can be named`;
        if (!IDENTIFIER.test(part)) {
            return `"${part}" is not a Python identifier (letters, digits and underscores, not starting with a digit)`;
        }
    }
    return null;
}

/** Edit distance (insertions, deletions, substitutions), for "did you mean" hints. */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
/** The closest of `options` to `word`, if it is close enough to be a likely typo. */
function nearest(word, options) {
    let best = null;
    let distance = Infinity;
    for (const option of options) {
        const d = editDistance(word.toLowerCase(), option);
        if (d < distance)
            [best, distance] = [option, d];
    }
    return distance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

// Numbers given as text: counts, durations, percentages. Each parser names the
// input and the value in its error, and says what would be accepted.
const DURATION = /^(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m)?$/;
/** A duration in milliseconds; a bare number is in `bareUnit`. */
function parseDuration(input, value, bareUnit) {
    const match = DURATION.exec(value.trim());
    if (!match) {
        throw new UsageError(`${input}: "${value}" is not a duration; use a number of ${bareUnit === 's' ? 'seconds' : 'milliseconds'} or one with a unit, such as 300ms, 0.3s or 2m`);
    }
    const amount = Number(match[1]);
    const unit = match[2] ?? bareUnit;
    return amount * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000);
}
/** A whole number ≥ min. */
function parseCount(input, value, min) {
    const text = value.trim();
    if (!/^\d+$/.test(text) || Number(text) < min) {
        throw new UsageError(`${input}: "${value}" is not a whole number of at least ${min}`);
    }
    return Number(text);
}
/** A percentage: "5%" or "5" both mean 5. */
function parsePercent(input, value) {
    const match = /^(\d+(?:\.\d+)?|\.\d+)\s*%?$/.exec(value.trim());
    if (!match)
        throw new UsageError(`${input}: "${value}" is not a percentage; use a number such as 5 or 5%`);
    return Number(match[1]);
}

// [tool.importgate] in a project's pyproject.toml → SettingsInput. Every key is
// checked; an error names the file, the key, the value and what is accepted.
const show = (value) => JSON.stringify(value);
function text(value, where, accepted) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number')
        return String(value);
    throw new UsageError(`${where} = ${show(value)}: expected ${accepted}`);
}
function modules(value, where) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
        throw new UsageError(`${where} = ${show(value)}: expected a list of module names, such as ["mypkg", "mypkg.cli"]`);
    }
    for (const name of value) {
        const problem = moduleNameProblem(name);
        if (problem)
            throw new UsageError(`${where}: "${name}" is not a Python module name: ${problem}`);
    }
    return value;
}
const count = (min) => (value, where) => {
    if (typeof value !== 'number' && typeof value !== 'string') {
        throw new UsageError(`${where} = ${show(value)}: expected a whole number of at least ${min}`);
    }
    return parseCount(where, String(value), min);
};
const READERS = {
    targets: (v, w) => ({ targets: modules(v, w) }),
    forbid: (v, w) => ({ forbid: modules(v, w) }),
    threshold: (v, w) => ({ thresholdPct: parsePercent(w, text(v, w, 'a percentage such as "5%"')) }),
    'min-delta': (v, w) => ({
        minDeltaMs: parseDuration(w, text(v, w, 'a duration such as "2ms"'), 'ms'),
    }),
    alpha: (v, w) => {
        if (typeof v !== 'number' || !(v > 0 && v < 0.5)) {
            throw new UsageError(`${w} = ${show(v)}: expected a number between 0 and 0.5, such as 0.01`);
        }
        return { alpha: v };
    },
    'max-modules': (v, w) => ({ maxModules: count(1)(v, w) }),
    budgets: (v, w) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) {
            throw new UsageError(`${w} = ${show(v)}: expected a table of target = "duration", such as [tool.importgate.budgets] mypkg = "300ms"`);
        }
        const budgetsMs = {};
        for (const [target, limit] of Object.entries(v)) {
            const at = `${w}.${target.includes('.') ? `"${target}"` : target}`;
            const problem = moduleNameProblem(target);
            if (problem)
                throw new UsageError(`${at}: "${target}" is not a Python module name: ${problem}`);
            budgetsMs[target] = parseDuration(at, text(limit, at, 'a duration such as "300ms"'), 'ms');
        }
        return { budgetsMs };
    },
    'min-pairs': (v, w) => ({ minPairs: count(1)(v, w) }),
    'max-pairs': (v, w) => ({ maxPairs: count(1)(v, w) }),
    warmup: (v, w) => ({ warmups: count(0)(v, w) }),
    'profile-runs': (v, w) => ({ profileRuns: count(1)(v, w) }),
    'max-time': (v, w) => ({
        maxTimeMs: parseDuration(w, text(v, w, 'a duration such as "120s"'), 's'),
    }),
    'sample-timeout': (v, w) => ({
        sampleTimeoutMs: parseDuration(w, text(v, w, 'a duration such as "60s"'), 's'),
    }),
    install: (v, w) => ({
        install: parseInstall(w, text(v, w, 'an install mode or a command'), [
            'auto',
            'none',
            'pip',
            'uv',
        ]),
    }),
};
const PYPROJECT_KEYS = Object.keys(READERS);
function table$1(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : null;
}
function readPyproject(projectDir) {
    const file = join(projectDir, 'pyproject.toml');
    if (!existsSync(file))
        return { file: null, settings: {}, raw: {} };
    let document;
    try {
        document = parse$1(readFileSync(file, 'utf8'));
    }
    catch (error) {
        const where = error instanceof TomlError ? ` (line ${error.line}, column ${error.column})` : '';
        const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new UsageError(`${file}: not valid TOML${where}: ${first}`);
    }
    const tool = table$1(document.tool)?.importgate;
    if (tool === undefined)
        return { file, settings: {}, raw: {} };
    const raw = table$1(tool);
    if (!raw)
        throw new UsageError(`${file}: tool.importgate = ${show(tool)}: expected a table, [tool.importgate]`);
    const settings = {};
    for (const [key, value] of Object.entries(raw)) {
        const reader = READERS[key];
        if (!reader) {
            const guess = nearest(key, PYPROJECT_KEYS);
            throw new UsageError(`${file}: [tool.importgate] has an unknown key "${key}"${guess ? `; did you mean "${guess}"?` : ''} Known keys: ${PYPROJECT_KEYS.join(', ')}`);
        }
        Object.assign(settings, reader(value, `${file}: [tool.importgate] ${key}`));
    }
    return { file, settings, raw };
}

// What a run is asked to do, wherever it was said: flags, action inputs or
// [tool.importgate]. Each source yields a partial SettingsInput; resolve()
// merges them, first given wins, over the defaults.
const DEFAULTS = {
    // From bench/RESULTS.md: 3% and 0.5 ms catch 5% slowdowns without false
    // alarms in A/A runs on a noisy 2-core machine.
    thresholdPct: 3,
    minDeltaMs: 0.5,
    alpha: 0.01,
    warmups: 3,
    minPairs: 20,
    maxPairs: 200,
    maxTimeMs: 120_000,
    sampleTimeoutMs: 60_000,
    profileRuns: 3,
};
/** Merges sources (earlier wins) over the defaults and checks what spans several settings. */
function resolve(...sources) {
    const pick = (key) => sources.find((s) => s[key] !== undefined)?.[key];
    const minPairs = pick('minPairs') ?? DEFAULTS.minPairs;
    const maxPairs = pick('maxPairs') ?? Math.max(minPairs, DEFAULTS.maxPairs);
    if (maxPairs < minPairs)
        throw new UsageError(`max-pairs ${maxPairs} is less than min-pairs ${minPairs}`);
    return {
        gate: {
            thresholdPct: pick('thresholdPct') ?? DEFAULTS.thresholdPct,
            minDeltaMs: pick('minDeltaMs') ?? DEFAULTS.minDeltaMs,
            alpha: pick('alpha') ?? DEFAULTS.alpha,
            maxModules: pick('maxModules') ?? null,
            forbid: pick('forbid') ?? [],
            budgetsMs: pick('budgetsMs') ?? {},
        },
        sampling: {
            warmups: pick('warmups') ?? DEFAULTS.warmups,
            minPairs,
            maxPairs,
            maxTimeMs: pick('maxTimeMs') ?? DEFAULTS.maxTimeMs,
            sampleTimeoutMs: pick('sampleTimeoutMs') ?? DEFAULTS.sampleTimeoutMs,
            profileRuns: pick('profileRuns') ?? DEFAULTS.profileRuns,
            seed: pick('seed') ?? randomSeed(),
        },
        install: pick('install'),
    };
}
/** A budget naming something that is not a target is a typo until proven otherwise. */
function checkBudgets(gate, targets, source) {
    for (const name of Object.keys(gate.budgetsMs)) {
        if (!targets.includes(name)) {
            throw new UsageError(`${source}: budgets names "${name}", which is not a target; the targets are ${targets.map((t) => `"${t}"`).join(', ')}`);
        }
    }
}

// The measured code is the pull request's own code: it must never see the
// token or other runner secrets. So the child environment is built up from an
// allow-list, never copied from ours and filtered.
/** Names passed through unchanged when the parent has them. */
const ALLOWED_NAMES = [
    'PATH',
    'HOME',
    'USER',
    'LOGNAME',
    'LANG',
    'LANGUAGE',
    'TZ',
    'TMPDIR',
    'TEMP',
    'TMP',
    'SYSTEMROOT', // Windows cannot start Python without it
];
/** Name prefixes passed through (locale settings). */
const ALLOWED_PREFIXES = ['LC_'];
function isAllowedName(name) {
    return ALLOWED_NAMES.includes(name) || ALLOWED_PREFIXES.some((prefix) => name.startsWith(prefix));
}
/**
 * The environment for a measured interpreter: the allowed part of `parent`
 * plus `extra` (what the install mode needs, such as PYTHONPATH). `extra` wins.
 */
function childEnv(parent, extra = {}) {
    const env = {};
    for (const [name, value] of Object.entries(parent)) {
        if (value !== undefined && isAllowedName(name))
            env[name] = value;
    }
    return { ...env, ...extra };
}
/**
 * What an installer needs on top of the allow-list: its own settings (PIP_*,
 * UV_*), proxies and CA bundles. The install step runs the project's build
 * code too, so tokens are still not on this list; an index URL with
 * credentials in PIP_INDEX_URL is passed because the user set it for installs.
 */
const INSTALLER_PREFIXES = ['PIP_', 'UV_'];
const INSTALLER_NAMES = [
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'ALL_PROXY',
    'http_proxy',
    'https_proxy',
    'no_proxy',
    'all_proxy',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'REQUESTS_CA_BUNDLE',
    'CURL_CA_BUNDLE',
    'XDG_CACHE_HOME',
    'XDG_CONFIG_HOME',
];
function installerEnv(parent, extra = {}) {
    const env = childEnv(parent);
    for (const [name, value] of Object.entries(parent)) {
        if (value === undefined)
            continue;
        if (INSTALLER_NAMES.includes(name) || INSTALLER_PREFIXES.some((p) => name.startsWith(p)))
            env[name] = value;
    }
    return { ...env, ...extra };
}

// One measured interpreter, start to finish. It runs in a process group of its
// own so that a timeout, a cancel, or the end of the sample can take down
// everything the measured code started, not just the interpreter.
/** The fd the probe reports on; stdio[3] of the child. */
const REPORT_FD = 3;
const TAIL_BYTES = 64 * 1024;
const FULL_BYTES = 64 * 1024 * 1024;
const liveGroups = new Set();
function killGroup(pid) {
    try {
        process.kill(-pid, 'SIGKILL');
    }
    catch {
        // ESRCH: the group is already gone, which is what we wanted.
    }
}
/** Kills every measured process group still running (on cancel). */
function killAllMeasuredProcesses() {
    for (const pid of liveGroups)
        killGroup(pid);
    liveGroups.clear();
}
class ByteSink {
    cap;
    chunks = [];
    size = 0;
    truncated = false;
    constructor(cap) {
        this.cap = cap;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size > this.cap && this.chunks.length > 1) {
            this.size -= this.chunks.shift().length;
            this.truncated = true;
        }
    }
    bytes() {
        const all = Buffer.concat(this.chunks);
        if (all.length <= this.cap)
            return all;
        this.truncated = true;
        return all.subarray(all.length - this.cap);
    }
}
function runProcess(spec) {
    return new Promise((resolve, reject) => {
        const report = [];
        const stderr = new ByteSink(spec.stderr === 'full' ? FULL_BYTES : TAIL_BYTES);
        let timedOut = false;
        let exitNs = 0n;
        const spawnNs = process.hrtime.bigint();
        const child = spawn(spec.command, spec.args, {
            cwd: spec.cwd,
            env: spec.env,
            // stdin: EOF at once; stdout: discarded (measured code may print anything);
            // stderr: kept for -X importtime and error context; fd 3: the report.
            stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
            detached: true,
            shell: false,
            windowsHide: true,
        });
        const pid = child.pid;
        if (pid !== undefined)
            liveGroups.add(pid);
        const timer = setTimeout(() => {
            timedOut = true;
            if (pid !== undefined)
                killGroup(pid);
        }, spec.timeoutMs);
        child.stderr?.on('data', (chunk) => stderr.push(chunk));
        const channel = child.stdio[REPORT_FD];
        channel?.on('data', (chunk) => report.push(chunk));
        child.on('exit', () => {
            exitNs = process.hrtime.bigint();
            // Whatever the measured code left running (daemons, grandchildren that
            // still hold our pipes) goes with the sample.
            if (pid !== undefined)
                killGroup(pid);
        });
        child.on('error', (error) => {
            clearTimeout(timer);
            if (pid !== undefined)
                liveGroups.delete(pid);
            const why = error.code === 'ENOENT' ? 'not found' : error.message;
            reject(new Error(`cannot run the Python interpreter ${JSON.stringify(spec.command)}: ${why}`));
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (pid !== undefined)
                liveGroups.delete(pid);
            const bytes = stderr.bytes();
            resolve({
                report: Buffer.concat(report).toString('utf8'),
                stderr: bytes,
                stderrTruncated: stderr.truncated,
                code,
                signal,
                timedOut,
                spawnNs,
                exitNs: exitNs || process.hrtime.bigint(),
            });
        });
    });
}
/**
 * A helper command (venv creation, an install): output captured as a log, its
 * process group killed on timeout or abort like a measured process.
 */
function runLogged(spec) {
    return new Promise((resolve, reject) => {
        const log = new ByteSink(256 * 1024);
        let timedOut = false;
        let aborted = false;
        const child = spawn(spec.command, spec.args, {
            cwd: spec.cwd,
            env: spec.env,
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true,
            shell: false,
        });
        const pid = child.pid;
        if (pid !== undefined)
            liveGroups.add(pid);
        const stop = () => {
            if (pid !== undefined)
                killGroup(pid);
        };
        const timer = setTimeout(() => {
            timedOut = true;
            stop();
        }, spec.timeoutMs);
        const onAbort = () => {
            aborted = true;
            stop();
        };
        spec.signal?.addEventListener('abort', onAbort, { once: true });
        if (spec.signal?.aborted)
            onAbort();
        child.stdout?.on('data', (chunk) => log.push(chunk));
        child.stderr?.on('data', (chunk) => log.push(chunk));
        child.on('exit', stop);
        const done = () => {
            clearTimeout(timer);
            spec.signal?.removeEventListener('abort', onAbort);
            if (pid !== undefined)
                liveGroups.delete(pid);
        };
        child.on('error', (error) => {
            done();
            reject(new Error(`cannot run ${JSON.stringify(spec.command)}: ${error.code === 'ENOENT' ? 'not found' : error.message}`));
        });
        child.on('close', (code, signal) => {
            done();
            resolve({ code, signal, timedOut, aborted, log: log.bytes().toString('utf8') });
        });
    });
}

/**
 * What PYTHONPATH is when nothing is installed: the project's src/ folder when
 * it has one (src layout), else the project folder itself.
 */
function importRoot(projectDir) {
    const src = join(projectDir, 'src');
    return existsSync(src) && statSync(src).isDirectory() ? src : projectDir;
}

/**
 * Where probe.py is. In the bundle it sits beside dist/cli.js and dist/index.js;
 * from source (tests, tsx) beside this file. Both resolve from import.meta.url.
 */
function probePath() {
    const path = fileURLToPath(new URL('./probe.py', import.meta.url));
    if (!existsSync(path)) {
        throw new Error(`importgate is incomplete: the probe is missing at ${path}; rebuild with npm run bundle`);
    }
    return path;
}
const COMPILE = 'import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)';
/**
 * The probe compiled by `python` into `dir`, ready to run as a script. A
 * script's source is compiled on every start (about 1.3 ms on 3.8, 1.9 ms on
 * 3.13 for the probe); a .pyc given as the script is not. Falls back to the
 * source when compiling fails: slower, equally correct.
 */
async function compiledProbe(python, env, dir) {
    const source = probePath();
    const target = join(dir, 'importgate_probe.pyc');
    const outcome = await runProcess({
        command: python,
        args: ['-c', COMPILE, source, target],
        env,
        cwd: dir,
        timeoutMs: 60_000,
        stderr: 'tail',
    });
    return outcome.code === 0 && existsSync(target) ? target : source;
}

// What probe.py reports, and how a report that is not what it should be is
// turned into an error rather than trusted.
const BEGIN_MARK = 'importgate-probe: begin import';
const END_MARK = 'importgate-probe: end import';
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Parses the probe's report; throws with the raw text when it is malformed. */
function parseProbeReport(raw) {
    let value;
    try {
        value = JSON.parse(raw);
    }
    catch {
        throw new Error(`the probe's report is not JSON: ${JSON.stringify(raw.slice(0, 200))}`);
    }
    if (!isRecord(value) ||
        value.protocol !== 1 ||
        typeof value.ok !== 'boolean' ||
        typeof value.import_ns !== 'number' ||
        typeof value.modules_after !== 'number') {
        throw new Error(`the probe's report has an unexpected shape: ${raw.slice(0, 200)}`);
    }
    return value;
}
function parseInterpreterInfo(raw) {
    const value = JSON.parse(raw);
    if (!isRecord(value) || value.mode !== 'info' || typeof value.version !== 'string') {
        throw new Error(`unexpected interpreter description: ${raw.slice(0, 200)}`);
    }
    return value;
}

// Finding the interpreter and asking it what it is.
function isExecutableFile(path) {
    try {
        accessSync(path, constants.X_OK);
        return statSync(path).isFile();
    }
    catch {
        return false;
    }
}
/** Resolves a name on PATH, or a path relative to `cwd`, to an executable file. */
function findExecutable(name, pathVar, cwd) {
    if (name.includes('/') || name.includes('\\') || isAbsolute(name)) {
        const path = resolve$1(cwd, name);
        return isExecutableFile(path) ? path : null;
    }
    for (const dir of pathVar.split(delimiter)) {
        if (!dir)
            continue;
        const candidate = join(dir, name);
        if (isExecutableFile(candidate))
            return candidate;
    }
    return null;
}
const MIN_PYTHON = [3, 8];
/**
 * Runs the probe's info mode. The interpreter it reports as sys.executable is
 * the one to sample: a launcher in front of it (a pyenv shim is a shell script)
 * would add its own start-up to every sample.
 */
async function describeInterpreter(python, env, cwd) {
    const outcome = await runProcess({
        command: python,
        args: [probePath(), 'info', String(REPORT_FD)],
        env,
        cwd,
        timeoutMs: 60_000,
        stderr: 'tail',
    });
    if (!outcome.report) {
        const tail = outcome.stderr.toString('utf8').trim().split('\n').slice(-10).join('\n');
        throw new SetupError(`--python: ${python} did not start as a Python interpreter (exit status ${outcome.code}${outcome.signal ? `, ${outcome.signal}` : ''})${tail ? `:\n${tail}` : ''}`);
    }
    const info = parseInterpreterInfo(outcome.report);
    const [major, minor] = info.version_info;
    if (info.implementation !== 'cpython') {
        // -X importtime and the start-up behaviour we rely on are CPython's.
        throw new SetupError(`--python: ${python} is ${info.implementation}; importgate measures CPython 3.8 or newer`);
    }
    if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
        throw new SetupError(`--python: ${python} is Python ${info.version_info.join('.')}; importgate needs 3.8 or newer`);
    }
    return info;
}

// One environment per side: where the measured code becomes importable.
const hasPackaging = (dir) => ['pyproject.toml', 'setup.py', 'setup.cfg'].some((f) => existsSync(join(dir, f)));
/** What `auto` means for this project: uv for a uv.lock project when uv is there, pip when it is packaged, else none. */
function autoStrategy(projectDir, pathVar) {
    if (existsSync(join(projectDir, 'uv.lock')) && findExecutable('uv', pathVar, projectDir))
        return 'uv';
    return hasPackaging(projectDir) ? 'pip' : 'none';
}
const DISTRIBUTIONS = [
    'import importlib.metadata as m, json, sys',
    'found = {d.metadata["Name"]: d.version for d in m.distributions() if d.metadata["Name"]}',
    'open(sys.argv[1], "w").write(json.dumps(found, sort_keys=True))',
].join('\n');
async function prepareEnvironment(request) {
    const { spec, projectDir, envDir } = request;
    await mkdir(request.tmpDir, { recursive: true });
    const temp = { TMPDIR: request.tmpDir, TMP: request.tmpDir, TEMP: request.tmpDir };
    const parentEnv = { ...request.parentEnv, ...temp };
    const pathVar = parentEnv.PATH ?? '';
    const kind = spec.kind === 'auto' ? autoStrategy(projectDir, pathVar) : spec.kind;
    if (kind === 'none') {
        return {
            strategy: 'none',
            python: request.python,
            env: childEnv(parentEnv, { PYTHONPATH: importRoot(projectDir) }),
            distributions: null,
            log: '',
        };
    }
    if (kind === 'current') {
        return {
            strategy: 'current',
            python: request.python,
            env: childEnv(parentEnv),
            distributions: null,
            log: '',
        };
    }
    const venvPython = join(envDir, 'bin', 'python');
    const installer = installerEnv(parentEnv);
    const logs = [];
    const step = async (what, command, args, env = installer, cwd = projectDir) => {
        const outcome = await runLogged({
            command,
            args,
            env,
            cwd,
            timeoutMs: request.timeoutMs,
            signal: request.signal,
        });
        logs.push(`$ ${[command, ...args].join(' ')}\n${outcome.log}`);
        if (outcome.code === 0)
            return;
        const why = outcome.aborted
            ? 'cancelled'
            : outcome.timedOut
                ? `timed out after ${request.timeoutMs / 1000} s`
                : `exited with status ${outcome.code ?? outcome.signal}`;
        const tail = outcome.log.trimEnd().split('\n').slice(-25).join('\n');
        throw new SetupError(`installing ${request.label} failed: ${what} ${why}.\n--- last lines of its output ---\n${tail}`);
    };
    const uv = () => {
        const path = findExecutable('uv', pathVar, projectDir);
        if (!path)
            throw new SetupError('--install uv: uv is not on PATH; install it (pip install uv) or use --install pip');
        return path;
    };
    let strategy = kind;
    if (kind === 'pip') {
        await step('python -m venv', request.python, ['-m', 'venv', envDir]);
        await step('pip install', venvPython, [
            '-m',
            'pip',
            'install',
            '--no-input',
            '--disable-pip-version-check',
            projectDir,
        ]);
    }
    else if (kind === 'uv') {
        const uvPath = uv();
        if (existsSync(join(projectDir, 'uv.lock'))) {
            // Locked versions, exactly as committed; non-editable, like pip's install.
            strategy = 'uv-sync';
            const env = { ...installer, UV_PROJECT_ENVIRONMENT: envDir };
            await step('uv sync', uvPath, ['sync', '--frozen', '--no-dev', '--no-editable', '--python', request.python], env);
        }
        else {
            await step('uv venv', uvPath, ['venv', '--quiet', '--python', request.python, envDir]);
            await step('uv pip install', uvPath, ['pip', 'install', '--python', venvPython, projectDir]);
        }
    }
    else {
        await step('python -m venv', request.python, ['-m', 'venv', envDir]);
        const env = {
            ...installer,
            ...request.commandEnv,
            VIRTUAL_ENV: envDir,
            PATH: `${join(envDir, 'bin')}:${pathVar}`,
        };
        // The user's own workflow text: the one place a shell is used, on purpose.
        await step(`the install command (${spec.kind === 'command' ? spec.command : ''})`, '/bin/sh', ['-c', spec.kind === 'command' ? spec.command : ''], env);
    }
    const listing = join(envDir, 'importgate-distributions.json');
    await step('listing installed distributions', venvPython, ['-c', DISTRIBUTIONS, listing]);
    const distributions = JSON.parse(readFileSync(listing, 'utf8'));
    return {
        strategy,
        python: venvPython,
        env: childEnv(parentEnv),
        distributions,
        log: logs.join('\n'),
    };
}

const run = promisify(execFile);
/** Runs git with an argument array (never a shell string) and returns trimmed stdout. */
async function git(args, cwd) {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout.trim();
}

// Any revision (branch, tag, SHA, HEAD~1) → a commit SHA, fetching what a
// shallow clone lacks. Every git call takes an argument array; a ref never
// reaches a shell, and --end-of-options keeps one from being read as an option.
async function tryResolve(repo, ref) {
    try {
        return ((await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], repo)) || null);
    }
    catch {
        return null;
    }
}
async function isShallow(repo) {
    try {
        return (await git(['rev-parse', '--is-shallow-repository'], repo)) === 'true';
    }
    catch {
        return false;
    }
}
/** How many commits behind its base a relative ref reaches: HEAD~3 → 3, main^^ → 2. */
function relativeDepth(ref) {
    const match = /^(.*?)((?:[~^]\d*)+)$/.exec(ref);
    if (!match || !match[1])
        return null;
    let depth = 0;
    for (const step of match[2].match(/[~^]\d*/g)) {
        const count = step.length > 1 ? Number(step.slice(1)) : 1;
        // ^N picks the Nth parent (one step back); ~N walks N first parents.
        depth += step[0] === '~' ? count : 1;
    }
    return { base: match[1], depth };
}
async function fetch(repo, args) {
    try {
        await git(['fetch', '--no-tags', '--quiet', ...args], repo);
        return null;
    }
    catch (error) {
        const stderr = error.stderr?.trim() || error.message;
        return stderr.split('\n').slice(-3).join(' ');
    }
}
async function hasOrigin(repo) {
    try {
        await git(['remote', 'get-url', 'origin'], repo);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Resolves `ref` in `repo`. When it is missing: a relative ref (HEAD~1) in a
 * shallow clone deepens history by as many commits; any other ref is fetched
 * from origin at depth 1 (a PR's base SHA or branch in an actions/checkout clone).
 */
async function resolveCommit(repo, ref, input) {
    if (ref.trim() === '' || ref.startsWith('-')) {
        throw new SetupError(`${input}: "${ref}" is not a git revision; give a branch, tag, SHA or HEAD~N`);
    }
    const found = await tryResolve(repo, ref);
    if (found)
        return found;
    const missing = `${input}: "${ref}" does not name a commit in ${repo}`;
    if (!(await hasOrigin(repo))) {
        throw new SetupError(`${missing}, and there is no origin remote to fetch it from`);
    }
    const relative = relativeDepth(ref);
    let failure = null;
    if (relative && (await isShallow(repo))) {
        failure = await fetch(repo, [`--deepen=${relative.depth}`, 'origin']);
    }
    else if (!relative) {
        failure = await fetch(repo, ['--depth=1', 'origin', ref]);
        if (!failure) {
            const fetched = await tryResolve(repo, ref);
            if (fetched)
                return fetched;
            // A branch fetched by name lands in FETCH_HEAD only (single-branch clones).
            const head = await tryResolve(repo, 'FETCH_HEAD');
            if (head)
                return head;
        }
    }
    else {
        // A relative ref in a full clone: there is no more history to fetch.
        throw new SetupError(missing);
    }
    const after = await tryResolve(repo, ref);
    if (after)
        return after;
    throw new SetupError(failure
        ? `${missing}; fetching it from origin failed: ${failure}`
        : `${missing}, nor in what origin has`);
}

// Detached worktrees for the commits being compared. Always removed: callers
// use withWorktrees, whose finally runs on success, error and cancellation.
async function addWorktree(repo, path, sha) {
    await git(['worktree', 'add', '--detach', '--quiet', path, sha], repo);
    return { path, sha };
}
async function removeWorktree(repo, path) {
    try {
        await git(['worktree', 'remove', '--force', '--force', path], repo);
    }
    catch {
        // Already gone, or never fully added: the folder and the admin entry are
        // cleaned below either way.
    }
    await rm(path, { recursive: true, force: true });
    try {
        await git(['worktree', 'prune'], repo);
    }
    catch {
        // Pruning is housekeeping; nothing depends on it.
    }
}
/** Adds one worktree per entry, runs `body`, and removes them all whatever happens. */
async function withWorktrees(repo, wanted, body) {
    const added = [];
    try {
        for (const { path, sha } of wanted)
            added.push(await addWorktree(repo, path, sha));
        return await body(added);
    }
    finally {
        for (const tree of added.reverse())
            await removeWorktree(repo, tree.path);
    }
}

// Order statistics for one set of samples. Pure functions, no I/O.
/** Sorted copy, ascending. */
function sorted(values) {
    return [...values].sort((a, b) => a - b);
}
/** Quantile by linear interpolation between order statistics (type 7, as R and NumPy default). */
function quantile(values, p) {
    if (values.length === 0)
        return Number.NaN;
    const xs = sorted(values);
    const h = (xs.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    return xs[lo] + (h - lo) * (xs[hi] - xs[lo]);
}
function median(values) {
    return quantile(values, 0.5);
}
/** Median absolute deviation from the median (unscaled). */
function mad(values) {
    const m = median(values);
    return median(values.map((x) => Math.abs(x - m)));
}
/**
 * Distribution-free confidence interval for the median from order statistics
 * (normal approximation to the binomial). Null when there are too few samples
 * for any interval at that level.
 */
function medianInterval(values, confidence = 0.95) {
    const n = values.length;
    const z = normalQuantile(1 - (1 - confidence) / 2);
    const k = Math.floor((n - z * Math.sqrt(n)) / 2);
    if (k < 1)
        return null;
    const xs = sorted(values);
    return [xs[k - 1], xs[n - k]];
}
/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
function normalQuantile(p) {
    if (p <= 0 || p >= 1)
        throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
    const a = [
        -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
        2.506628277459239,
    ];
    const b = [
        -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
        -13.28068155288572,
    ];
    const c = [
        -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
        4.374664141464968, 2.938163982698783,
    ];
    const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
    const low = 0.02425;
    if (p < low) {
        const q = Math.sqrt(-2 * Math.log(p));
        return ((((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1));
    }
    if (p > 1 - low)
        return -normalQuantile(1 - p);
    const q = p - 0.5;
    const r = q * q;
    return (((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1));
}
function spread(values) {
    return {
        n: values.length,
        median: median(values),
        min: Math.min(...values),
        max: Math.max(...values),
        q1: quantile(values, 0.25),
        q3: quantile(values, 0.75),
        mad: mad(values),
        medianCi: medianInterval(values),
    };
}

// Wilcoxon signed-rank test and Hodges-Lehmann estimate for paired data.
// Pure functions. Timing differences are continuous (nanosecond clocks), so
// exact ties are rare; ranks are averaged when they occur and the exact null
// distribution is used anyway (as SciPy's method='exact' does).
/** Above this many pairs the normal approximation replaces the exact distribution. */
const EXACT_LIMIT = 600;
/**
 * P(W+ = w) for w = 0 … n(n+1)/2 under the null hypothesis: each of the ranks
 * 1…n is added with probability ½. Dynamic programming over probabilities
 * (not counts, which would overflow for large n).
 */
function signedRankDistribution(n) {
    const max = (n * (n + 1)) / 2;
    let dist = new Float64Array(max + 1);
    dist[0] = 1;
    let reach = 0;
    for (let rank = 1; rank <= n; rank++) {
        const next = new Float64Array(max + 1);
        for (let w = 0; w <= reach; w++) {
            const p = dist[w] / 2;
            next[w] = next[w] + p;
            next[w + rank] = next[w + rank] + p;
        }
        reach += rank;
        dist = next;
    }
    return dist;
}
/** Ranks of |values|, ties averaged, 1-based. */
function absoluteRanks(values) {
    const order = values.map((v, i) => [Math.abs(v), i]).sort((a, b) => a[0] - b[0]);
    const ranks = new Array(values.length);
    for (let i = 0; i < order.length;) {
        let j = i;
        while (j + 1 < order.length && order[j + 1][0] === order[i][0])
            j++;
        const rank = (i + j) / 2 + 1;
        for (let k = i; k <= j; k++)
            ranks[order[k][1]] = rank;
        i = j + 1;
    }
    return ranks;
}
/** Upper tail of the standard normal distribution, Q(z) = erfc(z/√2)/2. */
function normalUpperTail(z) {
    return erfc(z / Math.SQRT2) / 2;
}
/** erfc with relative error < 1.2e-7 everywhere (Numerical Recipes' erfcc, Chebyshev). */
function erfc(x) {
    const z = Math.abs(x);
    const t = 1 / (1 + 0.5 * z);
    const r = t *
        Math.exp(-z * z -
            1.26551223 +
            t *
                (1.00002368 +
                    t *
                        (0.37409196 +
                            t *
                                (0.09678418 +
                                    t *
                                        (-0.18628806 +
                                            t *
                                                (0.27886807 +
                                                    t *
                                                        (-1.13520398 +
                                                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
}
function signedRankTest(differences) {
    const d = differences.filter((x) => x !== 0);
    const n = d.length;
    if (n === 0)
        return { n, wPlus: 0, pGreater: 1, pLess: 1 };
    const ranks = absoluteRanks(d);
    const wPlus = d.reduce((sum, x, i) => (x > 0 ? sum + ranks[i] : sum), 0);
    if (n <= EXACT_LIMIT) {
        const dist = signedRankDistribution(n);
        let atLeast = 0;
        let atMost = 0;
        // With averaged ranks W+ may be a half-integer; compare against it directly.
        for (let w = 0; w < dist.length; w++) {
            if (w >= wPlus - 1e-9)
                atLeast += dist[w];
            if (w <= wPlus + 1e-9)
                atMost += dist[w];
        }
        return { n, wPlus, pGreater: Math.min(1, atLeast), pLess: Math.min(1, atMost) };
    }
    const mean = (n * (n + 1)) / 4;
    const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24);
    return {
        n,
        wPlus,
        pGreater: normalUpperTail((wPlus - mean - 0.5) / sd),
        pLess: normalUpperTail((mean - wPlus - 0.5) / sd),
    };
}
/** All pairwise means (d_i + d_j)/2 for i ≤ j, sorted ascending. */
function walshAverages(d) {
    const out = new Float64Array((d.length * (d.length + 1)) / 2);
    let k = 0;
    for (let i = 0; i < d.length; i++)
        for (let j = i; j < d.length; j++)
            out[k++] = (d[i] + d[j]) / 2;
    return out.sort();
}
/** Hodges-Lehmann estimate of the location shift: the median of the Walsh averages. */
function hodgesLehmann(d) {
    return median(Array.from(walshAverages(d)));
}
/**
 * The smallest q with P(W+ ≤ q) ≥ p: R's qsignrank, from the exact
 * distribution (or the normal approximation past EXACT_LIMIT pairs).
 */
function signedRankQuantile(n, p) {
    if (n > EXACT_LIMIT) {
        const mean = (n * (n + 1)) / 4;
        const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24);
        return Math.max(0, Math.round(mean + normalQuantile(p) * sd));
    }
    const dist = signedRankDistribution(n);
    let cumulative = 0;
    for (let q = 0; q < dist.length; q++) {
        cumulative += dist[q];
        if (cumulative >= p * (1 - 1e-12))
            return q;
    }
    return dist.length - 1;
}
/**
 * Confidence interval for the location shift by inverting the signed-rank
 * test over the Walsh averages (as R's wilcox.test(conf.int = TRUE) does with
 * its exact distribution). Null when n is too small for an interval at that
 * level: R then widens it to the range of the Walsh averages, whose level is
 * lower (at 5 pairs, 94% for a requested 98%), and a null cannot be mistaken
 * for the level asked for.
 */
function hodgesLehmannInterval(d, confidence) {
    const n = d.length;
    if (n < 2)
        return null;
    const walsh = walshAverages(d);
    const m = walsh.length;
    const q = signedRankQuantile(n, (1 - confidence) / 2);
    if (q === 0)
        return null;
    // 1-based: lower = walsh[q], upper = walsh[m - q + 1].
    if (q > m - q + 1)
        return null;
    return [walsh[q - 1], walsh[m - q]];
}

// Base against head for one target, from samples taken in interleaved pairs.
// Pure. Works on log-ratios ln(head/base): a slowdown is a ratio whatever the
// import's size, and a pair shares whatever the machine was doing at the time.
const toPct = (log) => (Math.exp(log) - 1) * 100;
/**
 * Compares paired samples: base[i] and head[i] come from the same round. The
 * interval's level is 1 − 2α, so that it excludes zero when the one-sided test
 * at α rejects.
 */
function comparePairs(base, head, alpha) {
    const n = Math.min(base.length, head.length);
    const logs = Array.from({ length: n }, (_, i) => Math.log(head[i] / base[i]));
    const ciLevel = 1 - 2 * alpha;
    const logEstimate = n > 0 ? hodgesLehmann(logs) : 0;
    const logInterval = hodgesLehmannInterval(logs, ciLevel);
    const test = signedRankTest(logs);
    const baseMedianMs = median(base.slice(0, n));
    return {
        pairs: n,
        baseMedianMs,
        headMedianMs: median(head.slice(0, n)),
        logEstimate,
        logInterval,
        ciLevel,
        pSlower: test.pGreater,
        pFaster: test.pLess,
        pct: toPct(logEstimate),
        // Estimated directly on differences: a ratio times the base median drifts
        // from head − base when the ratio is large.
        ms: n > 0 ? hodgesLehmann(Array.from({ length: n }, (_, i) => head[i] - base[i])) : 0,
        ciPct: logInterval ? [toPct(logInterval[0]), toPct(logInterval[1])] : null,
    };
}
/**
 * A regression needs all three: significance, an effect above the relative
 * threshold, and above the absolute minimum. An improvement mirrors it.
 */
function classify(c, gate) {
    if (c.pSlower < gate.alpha && c.pct > gate.thresholdPct && c.ms > gate.minDeltaMs)
        return 'regression';
    if (c.pFaster < gate.alpha && c.pct < -gate.thresholdPct && c.ms < -gate.minDeltaMs)
        return 'improvement';
    return 'pass';
}
/**
 * True when more pairs could not change the outcome in any likely way: the
 * whole interval lies inside the no-effect band (a settled pass), or wholly
 * beyond it on one side (a settled regression or improvement).
 */
function isSettled(c, gate) {
    // No interval yet (too few pairs for its level, e.g. under 7 at 98%): a
    // "settled" regression there could not be significant.
    if (!c.logInterval || !(c.baseMedianMs > 0))
        return false;
    // The band is set by whichever of the two thresholds is larger for this import.
    const band = Math.max(gate.thresholdPct / 100, gate.minDeltaMs / c.baseMedianMs);
    const upper = Math.log(1 + band);
    const lower = band < 1 ? Math.log(1 - band) : Number.NEGATIVE_INFINITY;
    const [lo, hi] = c.logInterval;
    return (lo > lower && hi < upper) || lo > upper || hi < lower;
}

// Parses the output of `python -X importtime` into the import tree.
//
// CPython prints one line per module when its import finishes, so children come
// before their parent, and nests by indenting the name two spaces per level:
//
//   import time: self [us] | cumulative | imported package
//   import time:       885 |        885 |     asyncio.streams
//   import time:      1206 |      96636 |   asyncio
//   import time:       341 |      96976 | pkg.sub
//
// 3.7 to 3.13 share that format; 3.14's `-X importtime=2` adds lines whose two
// columns read `cached` for modules that were already loaded. The measured code
// writes to stderr too, so anything that is not such a line is ignored, and the
// line may be found after stray bytes the measured code left without a newline.
const LINE = /import time:\s+(\d+|cached) \|\s+(\d+|cached) \| ( *)(\S+)\s*$/;
function parseImportTimeLine(line) {
    const match = LINE.exec(line);
    if (!match)
        return null;
    const [, self, cumulative, indent, name] = match;
    const cached = self === 'cached' || cumulative === 'cached';
    return {
        name,
        selfUs: cached ? 0 : Number(self),
        cumulativeUs: cached ? 0 : Number(cumulative),
        depth: Math.floor(indent.length / 2),
        cached,
    };
}
/**
 * The lines strictly between the last `begin` marker and the first `end`
 * marker after it; all lines when there is no `begin` marker.
 */
function sliceBetweenMarkers(lines, begin, end) {
    let start = -1;
    for (let i = lines.length - 1; i >= 0; i--) {
        if (lines[i].includes(begin)) {
            start = i;
            break;
        }
    }
    if (start < 0)
        return lines;
    const stop = lines.findIndex((line, i) => i > start && line.includes(end));
    return lines.slice(start + 1, stop < 0 ? lines.length : stop);
}
function parseImportTime(text, options = {}) {
    let lines = text.split(/\r?\n/);
    if (options.markers)
        lines = sliceBetweenMarkers(lines, options.markers.begin, options.markers.end);
    // pending[d] holds finished nodes at depth d still waiting for their parent,
    // which is the next line at depth d - 1.
    const pending = new Map();
    const loaded = new Map();
    for (const line of lines) {
        const parsed = parseImportTimeLine(line);
        if (!parsed)
            continue;
        const node = { ...parsed, children: [], parent: null };
        const children = pending.get(node.depth + 1) ?? [];
        pending.delete(node.depth + 1);
        for (const child of children)
            child.parent = node;
        node.children = children;
        const siblings = pending.get(node.depth) ?? [];
        siblings.push(node);
        pending.set(node.depth, siblings);
        if (!node.cached && !loaded.has(node.name))
            loaded.set(node.name, node);
    }
    // What is left has no parent in the output: the top-level imports, plus any
    // orphans a garbled or multi-threaded log left behind, shallowest first.
    const roots = [...pending.entries()].sort(([a], [b]) => a - b).flatMap(([, nodes]) => nodes);
    return { roots, loaded };
}
/** The chain of imports that first loaded `name`: outermost importer first. */
function importChain(tree, name) {
    let node = tree.loaded.get(name) ?? null;
    if (!node)
        return null;
    let chain = [];
    for (; node; node = node.parent)
        chain.unshift(node.name);
    // Importing a.b logs a.b first and nests the import of its parent a under it;
    // if a's __init__ imports a.b, the real load sits inside: a.b → a → a.b → x.
    // The outer a.b was only the request, so the chain starts after it.
    for (;;) {
        const repeat = chain.findIndex((name, i) => chain.indexOf(name) < i);
        if (repeat < 0)
            return chain;
        chain = chain.slice(chain.indexOf(chain[repeat]) + 1);
    }
}

// Per-module costs from several -X importtime runs of the same import. Pure.
function moduleCosts(trees) {
    const selfUs = new Map();
    const cumulativeUs = new Map();
    const chains = new Map();
    for (const tree of trees) {
        for (const [name, node] of tree.loaded) {
            if (!selfUs.has(name)) {
                selfUs.set(name, []);
                cumulativeUs.set(name, []);
                chains.set(name, importChain(tree, name) ?? [name]);
            }
            selfUs.get(name).push(node.selfUs);
            cumulativeUs.get(name).push(node.cumulativeUs);
        }
    }
    const costs = new Map();
    for (const [name, selfs] of selfUs) {
        costs.set(name, {
            name,
            selfMs: median(selfs) / 1000,
            cumulativeMs: median(cumulativeUs.get(name)) / 1000,
            chain: chains.get(name),
        });
    }
    return costs;
}
/** The `count` modules with the largest self time, largest first; ties by name. */
function slowestBySelf(costs, count) {
    return [...costs.values()]
        .sort((a, b) => b.selfMs - a.selfMs || a.name.localeCompare(b.name))
        .slice(0, count);
}
/** Modules in the target's own top-level package (the target's first dotted part). */
function packageModules(target, modules) {
    const top = target.split('.')[0];
    return [...modules].filter((name) => name === top || name.startsWith(`${top}.`));
}

// One probe run: builds the interpreter's argument list, runs it through the
// process layer and turns what came back into a report or a structured failure.
/** The interpreter's argument list for a probe run; exported for tests. */
function probeArgs(mode, target, probe = probePath()) {
    const flags = mode === 'profile' ? ['-X', 'importtime'] : [];
    return [...flags, probe, mode, String(REPORT_FD), target];
}
function lastLines(text, count) {
    return text.trimEnd().split(/\r?\n/).slice(-20).join('\n');
}
async function runProbe(request) {
    const outcome = await runProcess({
        command: request.python,
        args: probeArgs(request.mode, request.target, request.probe),
        env: request.env,
        cwd: request.cwd,
        timeoutMs: request.timeoutMs,
        stderr: request.mode === 'profile' ? 'full' : 'tail',
    });
    // Measured code may write any bytes; invalid UTF-8 becomes U+FFFD here.
    const stderr = outcome.stderr.toString('utf8');
    const wallNs = outcome.exitNs - outcome.spawnNs;
    const wallMs = Number(wallNs) / 1e6;
    let report = null;
    let failure = null;
    if (outcome.report.length > 0 && !outcome.timedOut) {
        report = parseProbeReport(outcome.report);
        failure = report.error;
    }
    else if (outcome.timedOut) {
        failure = {
            kind: 'Timeout',
            message: `importing ${request.target} did not finish within ${request.timeoutMs / 1000} s; its process group was killed`,
            traceback: [],
            stderr_tail: lastLines(stderr),
        };
    }
    else if (outcome.signal) {
        failure = {
            kind: 'Signal',
            message: `the interpreter was killed by ${outcome.signal} while importing ${request.target}`,
            traceback: [],
            stderr_tail: lastLines(stderr),
        };
    }
    else {
        failure = {
            kind: 'ProcessExit',
            message: `the interpreter exited with status ${outcome.code} while importing ${request.target}, before the probe could report (os._exit() or a crash in the imported code)`,
            traceback: [],
            exit_code: outcome.code,
            stderr_tail: lastLines(stderr),
        };
    }
    let startupMs = null;
    if (report) {
        const startup = BigInt(report.start_ns) - outcome.spawnNs;
        // Both clocks are CLOCK_MONOTONIC on Linux and macOS; elsewhere the figure
        // would be meaningless, and a value outside the run says so.
        if (startup >= 0n && startup <= wallNs)
            startupMs = Number(startup) / 1e6;
    }
    return { report, failure, wallMs, startupMs, stderr };
}

// Untimed profile runs: the import under -X importtime, for attribution
// (which module's own time, through which chain) and the set of modules it
// loads. -X importtime slows the import, so these never feed the timings.
async function profileArms(options) {
    const trees = new Map();
    const profiles = new Map();
    for (const arm of options.arms) {
        trees.set(arm.key, []);
        profiles.set(arm.key, {
            arm,
            runs: 0,
            added: [],
            moduleCount: 0,
            unstableModules: false,
            costs: new Map(),
            logs: [],
            failure: null,
        });
    }
    for (let round = 0; round < options.runs; round++) {
        for (const arm of shuffled(options.arms, options.random)) {
            const profile = profiles.get(arm.key);
            if (profile.failure || options.signal?.aborted)
                continue;
            const run = await runProbe({
                python: arm.python,
                probe: arm.probe,
                target: arm.target,
                mode: 'profile',
                env: arm.env,
                cwd: options.cwd,
                timeoutMs: options.timeoutMs,
            });
            if (run.failure || !run.report) {
                profile.failure = run.failure;
                continue;
            }
            const added = [...(run.report.added ?? [])].sort();
            if (profile.runs === 0) {
                profile.added = added;
                profile.moduleCount = run.report.modules_after;
            }
            else if (added.join('\n') !== profile.added.join('\n')) {
                profile.unstableModules = true;
            }
            profile.runs++;
            profile.logs.push(run.stderr);
            trees
                .get(arm.key)
                .push(parseImportTime(run.stderr, { markers: { begin: BEGIN_MARK, end: END_MARK } }));
        }
    }
    for (const [key, profile] of profiles)
        profile.costs = moduleCosts(trees.get(key));
    return profiles;
}

// Runs the timed samples. Every sample is a fresh interpreter. Work is done in
// rounds: each round runs every arm (a side × target pair) once, in an order
// shuffled anew each round, so that drift of the machine (another job starting,
// thermal throttling, a cache going cold) lands on all arms alike.
function toSample(run) {
    const report = run.report;
    return {
        importMs: report.import_ns / 1e6,
        cpuMs: report.import_cpu_ns / 1e6,
        wallMs: run.wallMs,
        startupMs: run.startupMs,
        moduleCount: report.modules_after,
        modulesAdded: report.modules_after - report.modules_before,
    };
}
async function runOnce(arm, options) {
    return runProbe({
        python: arm.python,
        probe: arm.probe,
        target: arm.target,
        mode: 'time',
        env: arm.env,
        cwd: options.cwd,
        timeoutMs: options.sampleTimeoutMs,
    });
}
/** Arms still running: no arm of their group has failed. */
function liveArms(options, results) {
    const failed = new Set(options.arms.filter((arm) => results.get(arm.key).failure).map((arm) => arm.group ?? arm.key));
    return options.arms.filter((arm) => !failed.has(arm.group ?? arm.key));
}
/**
 * Warm-up rounds: discarded, but they surface import errors early and write
 * .pyc files. Returns how long each round took.
 */
async function warmUp(options, results) {
    const durations = [];
    for (let round = 1; round <= options.warmups; round++) {
        options.onEvent?.({ phase: 'warmup', round, of: options.warmups });
        const started = performance.now();
        for (const arm of shuffled(liveArms(options, results), options.random)) {
            if (options.signal?.aborted)
                break;
            const run = await runOnce(arm, options);
            if (run.failure)
                fail(results.get(arm.key), run.failure, options);
        }
        durations.push(performance.now() - started);
    }
    return durations;
}
function fail(result, failure, options) {
    result.failure = failure;
    options.onEvent?.({ phase: 'failed', arm: result.arm, failure });
}
async function sample(options, results) {
    const roundMs = [];
    let rounds = 0;
    let truncated = false;
    while (rounds < options.maxRounds && !options.signal?.aborted) {
        const live = liveArms(options, results);
        if (live.length === 0)
            break;
        // Start a round only if it can finish before the deadline, judging by the
        // slowest round so far.
        const expected = roundMs.length ? Math.max(...roundMs) : 0;
        if (performance.now() + expected > options.deadline) {
            truncated = rounds < options.minRounds;
            break;
        }
        const started = performance.now();
        rounds++;
        options.onEvent?.({ phase: 'sample', round: rounds });
        for (const arm of shuffled(live, options.random)) {
            if (options.signal?.aborted)
                break;
            const result = results.get(arm.key);
            // A partner failed earlier in this round: stop, so pairs stay aligned.
            if (!liveArms(options, results).includes(arm))
                continue;
            const run = await runOnce(arm, options);
            if (run.failure)
                fail(result, run.failure, options);
            else
                result.samples.push(toSample(run));
        }
        roundMs.push(performance.now() - started);
        const all = [...results.values()];
        if (rounds >= options.minRounds && options.settled?.(all))
            break;
    }
    return { results: [...results.values()], rounds, truncated };
}
function emptyResults(arms) {
    return new Map(arms.map((arm) => [arm.key, { arm, samples: [], failure: null }]));
}

// Sampling for a comparison: every target has a base arm and a head arm; each
// round runs all of them in a fresh random order, so a pair (base and head of
// one target in one round) shares whatever the machine was doing then.
const times = (result) => result.samples.map((s) => s.importMs);
function settledFor(targets, gate, alpha) {
    return (results) => {
        const byKey = new Map(results.map((r) => [r.arm.key, r]));
        return targets.every(({ base, head }) => {
            if (!base)
                return true;
            const b = byKey.get(base.key);
            const h = byKey.get(head.key);
            if (b.failure || h.failure)
                return true;
            return isSettled(comparePairs(times(b), times(h), alpha), gate);
        });
    };
}
async function sampleComparison(options) {
    const arms = options.targets.flatMap((t) => (t.base ? [t.base, t.head] : [t.head]));
    const results = emptyResults(arms);
    const base = {
        cwd: options.cwd,
        warmups: options.warmups,
        sampleTimeoutMs: options.sampleTimeoutMs,
        random: options.random,
        signal: options.signal,
        onEvent: options.onEvent,
    };
    const warmupRounds = await warmUp({ ...base, arms, minRounds: 0, maxRounds: 0, deadline: options.deadline }, results);
    // Profile only targets whose arms all survived the warm-ups.
    const failedGroups = new Set(arms.filter((arm) => results.get(arm.key).failure).map((arm) => arm.target));
    const live = arms.filter((arm) => !failedGroups.has(arm.target));
    const profiles = await profileArms({
        arms: live,
        runs: options.profileRuns,
        cwd: options.cwd,
        timeoutMs: options.sampleTimeoutMs,
        random: options.random,
        signal: options.signal,
    });
    // Keep time for a confirmation batch: a warm-up round runs every arm once,
    // so it bounds what one confirmation round of any subset costs.
    const roundMs = warmupRounds.length ? median(warmupRounds) : 0;
    const remaining = options.deadline - performance.now();
    const reserve = Math.min(remaining * 0.4, options.confirmPairs * roundMs);
    const outcome = await sample({
        ...base,
        arms,
        minRounds: options.minPairs,
        maxRounds: options.maxPairs,
        deadline: options.deadline - reserve,
        settled: settledFor(options.targets, options.gate, options.gate.alpha),
    }, results);
    const samples = options.targets.map((t) => ({
        target: t.target,
        base: t.base ? results.get(t.base.key) : null,
        head: results.get(t.head.key),
        baseProfile: t.base ? (profiles.get(t.base.key) ?? null) : null,
        headProfile: profiles.get(t.head.key) ?? null,
        confirmation: null,
    }));
    const flagged = samples.flatMap((s) => {
        const { base: b, head: h } = s;
        if (!b || b.failure || h.failure)
            return [];
        const outcome = classify(comparePairs(times(b), times(h), options.gate.alpha), options.gate);
        return outcome === 'regression' ? [{ s, base: b, head: h }] : [];
    });
    if (flagged.length > 0 && !options.signal?.aborted) {
        options.onEvent?.({ phase: 'confirm', targets: flagged.map((f) => f.s.target) });
        const confirmArms = flagged.flatMap((f) => [f.base.arm, f.head.arm]);
        const pairs = Math.min(options.maxPairs, Math.max(options.confirmPairs, ...flagged.map((f) => Math.min(f.base.samples.length, f.head.samples.length))));
        const fresh = emptyResults(confirmArms);
        await sample({
            ...base,
            arms: confirmArms,
            minRounds: pairs,
            maxRounds: pairs,
            deadline: options.deadline,
        }, fresh);
        for (const f of flagged) {
            const b = fresh.get(f.base.arm.key);
            const h = fresh.get(f.head.arm.key);
            f.s.confirmation = { base: b.samples, head: h.samples };
            if (b.failure)
                f.base.failure = b.failure;
            if (h.failure)
                f.head.failure = h.failure;
        }
    }
    return { targets: samples, rounds: outcome.rounds, truncated: outcome.truncated };
}

function change(name, costs) {
    const cost = costs.get(name);
    return {
        name,
        // No -X importtime record: put in sys.modules directly (as importlib does
        // for importlib._bootstrap), so there is no import chain to show.
        chain: cost?.chain ?? [],
        selfMs: cost?.selfMs ?? 0,
        cumulativeMs: cost?.cumulativeMs ?? 0,
    };
}
/**
 * Modules that became eager or lazy as a group are listed under the module
 * that pulled them in too; sorting by cumulative time puts that one first.
 */
const costliest = (a, b) => b.cumulativeMs - a.cumulativeMs || a.name.localeCompare(b.name);
function diffModules(base, head, topChanges = 10) {
    const inBase = new Set(base.added);
    const inHead = new Set(head.added);
    const added = [...inHead].filter((m) => !inBase.has(m)).map((m) => change(m, head.costs));
    const removed = [...inBase].filter((m) => !inHead.has(m)).map((m) => change(m, base.costs));
    const names = new Set([...base.costs.keys(), ...head.costs.keys()]);
    const selfTimeChanges = [...names]
        .map((name) => {
        const b = base.costs.get(name)?.selfMs ?? null;
        const h = head.costs.get(name)?.selfMs ?? null;
        return { name, baseSelfMs: b, headSelfMs: h, deltaMs: (h ?? 0) - (b ?? 0) };
    })
        .filter((c) => c.deltaMs !== 0)
        .sort((a, b) => Math.abs(b.deltaMs) - Math.abs(a.deltaMs) || a.name.localeCompare(b.name))
        .slice(0, topChanges);
    return { added: added.sort(costliest), removed: removed.sort(costliest), selfTimeChanges };
}

// The verdict for one target from its paired samples. Pure.
/**
 * How strongly the fresh batch must point the same way on its own. A false
 * alarm must get past three tests: the first batch (alpha and both thresholds),
 * this one, and all pairs together (alpha and both thresholds again), which a
 * fluke of the first batch fails once an equal, effect-free batch dilutes it.
 * At 0.05 the fresh batch was the weak link: in the benchmark runs that led to
 * bench/RESULTS.md, real +5% and +10% slowdowns flagged by the first batch
 * were dropped by it on a noisy 2-core machine, while none of 29 A/A runs got
 * as far as a first-batch flag.
 */
const CONFIRM_ALPHA = 0.2;
/**
 * A regression flagged by the first batch must be confirmed by a fresh,
 * independent interleaved batch (as large as the first, where time allows)
 * pointing the same way on its own (CONFIRM_ALPHA), and by all pairs together
 * still being a regression. Peeking at the data as sampling goes on (to stop
 * early) inflates false alarms; an independent batch brings them back down.
 * Improvements fail no check and are not confirmed.
 */
function targetVerdict(base, head, confirmation, gate) {
    const first = comparePairs(base, head, gate.alpha);
    const outcome = classify(first, gate);
    if (outcome !== 'regression')
        return { outcome, comparison: first, confirmation: null };
    const pairs = confirmation ? Math.min(confirmation.base.length, confirmation.head.length) : 0;
    if (!confirmation || pairs < 2) {
        // Not enough time was left to confirm: report what was seen, and say so.
        return { outcome, comparison: first, confirmation: { pairs, p: 1, confirmed: null } };
    }
    const fresh = comparePairs(confirmation.base, confirmation.head, gate.alpha);
    const all = comparePairs([...base, ...confirmation.base.slice(0, pairs)], [...head, ...confirmation.head.slice(0, pairs)], gate.alpha);
    const confirmed = fresh.pSlower < CONFIRM_ALPHA && fresh.logEstimate > 0;
    return {
        outcome: confirmed && classify(all, gate) === 'regression' ? 'regression' : 'pass',
        comparison: all,
        confirmation: { pairs, p: fresh.pSlower, confirmed },
    };
}

/** Most serious first: the documented precedence of verdicts. */
const PRECEDENCE = [
    'error',
    'forbidden',
    'budget',
    'regression',
    'improvement',
    'pass',
];
function mostSerious(verdicts) {
    return PRECEDENCE.find((v) => verdicts.includes(v)) ?? 'pass';
}
const under = (name, rule) => name === rule || name.startsWith(`${rule}.`);
/**
 * Forbidden modules among those importing a target loaded. "paramiko" forbids
 * paramiko.client too. One hit per rule: the rule's own module when it was
 * imported, else the first of its submodules by name.
 */
function forbiddenImports(loaded, costs, forbid) {
    const hits = [];
    for (const rule of forbid) {
        const matches = loaded.filter((name) => under(name, rule)).sort();
        if (matches.length === 0)
            continue;
        const name = matches.includes(rule) ? rule : matches[0];
        hits.push({ name, chain: costs.get(name)?.chain ?? [], rule, count: matches.length });
    }
    return hits;
}
function budgetStatus(medianMs, moduleCount, timeBudgetMs, maxModules) {
    return {
        time: timeBudgetMs === undefined || medianMs === null
            ? null
            : { limit: timeBudgetMs, actual: medianMs, ok: medianMs <= timeBudgetMs },
        modules: maxModules === null || moduleCount === null
            ? null
            : { limit: maxModules, actual: moduleCount, ok: moduleCount <= maxModules },
    };
}
function isBreached(status) {
    return status.time?.ok === false || status.modules?.ok === false;
}

// One side's measurements → its part of the results document. Pure.
/** Milliseconds to microsecond precision: enough for any import, and compact. */
function ms(value) {
    return Math.round(value * 1000) / 1000;
}
function costJson(cost) {
    return {
        name: cost.name,
        self_ms: ms(cost.selfMs),
        cumulative_ms: ms(cost.cumulativeMs),
        chain: cost.chain,
    };
}
function sideResult(target, samples, profile, slowest = 15) {
    const times = samples.map((s) => s.importMs);
    const stats = spread(times);
    const startups = samples.flatMap((s) => (s.startupMs === null ? [] : [s.startupMs]));
    const last = samples[samples.length - 1];
    const modules = profile?.added ?? [];
    return {
        median_ms: ms(stats.median),
        samples_ms: times.map(ms),
        module_count: profile?.moduleCount || last?.moduleCount || 0,
        modules_added: profile ? profile.added.length : (last?.modulesAdded ?? 0),
        package_module_count: packageModules(target, modules).length,
        min_ms: ms(stats.min),
        max_ms: ms(stats.max),
        q1_ms: ms(stats.q1),
        q3_ms: ms(stats.q3),
        mad_ms: ms(stats.mad),
        median_ci_ms: stats.medianCi ? [ms(stats.medianCi[0]), ms(stats.medianCi[1])] : null,
        cpu_samples_ms: samples.map((s) => ms(s.cpuMs)),
        wall_samples_ms: samples.map((s) => ms(s.wallMs)),
        startup_median_ms: startups.length ? ms(median(startups)) : null,
        profile: {
            runs: profile?.runs ?? 0,
            unstable_modules: profile?.unstableModules ?? false,
            slowest: profile ? slowestBySelf(profile.costs, slowest).map(costJson) : [],
        },
        modules,
    };
}

// Budgets and forbidden imports applied to a target's result. Pure.
/**
 * Sets forbidden, budget and the final verdict: the most serious of the
 * statistical outcome (or error), a forbidden import and a budget breach.
 */
function applyGate(result, loaded, costs, gate) {
    result.forbidden = loaded
        ? forbiddenImports(loaded, costs, gate.forbid).map(({ name, chain, rule, count }) => ({
            name,
            chain,
            rule,
            count,
        }))
        : [];
    const status = budgetStatus(result.head?.median_ms ?? null, result.head?.module_count ?? null, gate.budgetsMs[result.name], gate.maxModules);
    result.budget =
        status.time || status.modules
            ? {
                time: status.time && {
                    limit_ms: ms(status.time.limit),
                    median_ms: status.time.actual,
                    ok: status.time.ok,
                },
                modules: status.modules && {
                    limit: status.modules.limit,
                    count: status.modules.actual,
                    ok: status.modules.ok,
                },
            }
            : null;
    const findings = [result.verdict];
    if (result.forbidden.length)
        findings.push('forbidden');
    if (isBreached(status))
        findings.push('budget');
    result.verdict = mostSerious(findings);
    return result;
}

// A comparison's measurements → the results document (schema 1). Pure.
/** The overall verdict: the most serious of the targets' (error > forbidden > budget > …). */
function overallVerdict(verdicts) {
    return mostSerious(verdicts);
}
function changeJson(c) {
    return { name: c.name, chain: c.chain, self_ms: ms(c.selfMs), cumulative_ms: ms(c.cumulativeMs) };
}
function errorOf(s) {
    const pick = (side, failure) => failure ? { side, ...failure } : null;
    return (pick('base', s.base?.failure) ??
        pick('head', s.head.failure) ??
        pick('base', s.baseProfile?.failure) ??
        pick('head', s.headProfile?.failure));
}
function modulesJson(s) {
    if (!s.base || !s.baseProfile?.runs || !s.headProfile?.runs)
        return null;
    const diff = diffModules({ added: s.baseProfile.added, costs: s.baseProfile.costs }, { added: s.headProfile.added, costs: s.headProfile.costs });
    return {
        added: diff.added.map(changeJson),
        removed: diff.removed.map(changeJson),
        self_time_changes: diff.selfTimeChanges.map((c) => ({
            name: c.name,
            base_self_ms: c.baseSelfMs === null ? null : ms(c.baseSelfMs),
            head_self_ms: c.headSelfMs === null ? null : ms(c.headSelfMs),
            delta_ms: ms(c.deltaMs),
        })),
    };
}
function targetResult(s, gate) {
    const error = errorOf(s);
    const baseSamples = [...(s.base?.samples ?? []), ...(s.confirmation?.base ?? [])];
    const headSamples = [...s.head.samples, ...(s.confirmation?.head ?? [])];
    const measured = !error && s.head.samples.length > 0 && (!s.base || s.base.samples.length > 0);
    const result = {
        name: s.target,
        verdict: error ? 'error' : 'pass',
        base: baseSamples.length ? sideResult(s.target, baseSamples, s.baseProfile ?? undefined) : null,
        head: headSamples.length ? sideResult(s.target, headSamples, s.headProfile ?? undefined) : null,
        delta: null,
        modules: modulesJson(s),
        forbidden: [],
        budget: null,
        error,
    };
    if (!s.base)
        result.new = true;
    const gated = (r) => applyGate(r, s.headProfile?.runs ? s.headProfile.added : null, s.headProfile?.costs ?? new Map(), gate);
    if (!measured || !s.base)
        return gated(result);
    const times = (xs) => xs.map((x) => x.importMs);
    const confirmation = s.confirmation
        ? { base: times(s.confirmation.base), head: times(s.confirmation.head) }
        : null;
    const verdict = targetVerdict(times(s.base.samples), times(s.head.samples), confirmation, gate);
    const c = verdict.comparison;
    result.verdict = verdict.outcome;
    result.delta = {
        ms: ms(c.ms),
        pct: Math.round(c.pct * 100) / 100,
        ci_pct: c.ciPct
            ? [Math.round(c.ciPct[0] * 100) / 100, Math.round(c.ciPct[1] * 100) / 100]
            : null,
        ci_level: c.ciLevel,
        p: c.logEstimate >= 0 ? c.pSlower : c.pFaster,
        p_slower: c.pSlower,
        p_faster: c.pFaster,
        pairs: c.pairs,
        confirmation: verdict.confirmation,
    };
    return gated(result);
}

/** The sampling settings as the results document records them. */
function samplingSettings(s) {
    return {
        warmups: s.warmups,
        min_pairs: s.minPairs,
        max_pairs: s.maxPairs,
        max_time_s: s.maxTimeMs / 1000,
        sample_timeout_s: s.sampleTimeoutMs / 1000,
        profile_runs: s.profileRuns,
        seed: s.seed,
    };
}
/** The gate settings as the results document records them. */
function gateSettings(g) {
    return {
        threshold_pct: g.thresholdPct,
        min_delta_ms: g.minDeltaMs,
        alpha: g.alpha,
        max_modules: g.maxModules,
        forbid: g.forbid,
        budgets_ms: g.budgetsMs,
    };
}

/** importgate's version; a unit test keeps it equal to package.json's. */
const VERSION = '0.1.0';

/** What the working tree at `dir` is, for the results' `head` field. */
async function describeWorkingTree(dir) {
    try {
        const sha = await git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], dir);
        const status = await git(['status', '--porcelain', '--untracked-files=normal'], dir);
        return { sha: sha || null, dirty: status.length > 0 };
    }
    catch {
        return { sha: null, dirty: false };
    }
}

// `importgate measure`: the working tree as it is, one side, no comparison.
/** Sampling stops early once every target's median is known to within this fraction. */
const SETTLED_HALF_WIDTH = 0.01;
/** Installs of large projects take minutes; this only stops a hung one. */
const INSTALL_TIMEOUT_MS = 20 * 60_000;
function medianSettled(results) {
    return results.every((result) => {
        if (result.failure)
            return true;
        const times = result.samples.map((s) => s.importMs);
        const interval = medianInterval(times);
        return (interval !== null && (interval[1] - interval[0]) / 2 <= SETTLED_HALF_WIDTH * median(times));
    });
}
/** A hint for the commonest setup mistake: the target is not importable the way it was set up. */
function notFoundHint(strategy, projectDir) {
    if (strategy === 'none') {
        return ` (with --install none, PYTHONPATH is ${importRoot(projectDir)}; check the target's spelling and --project-dir, or install the project with --install auto)`;
    }
    if (strategy === 'current')
        return " (with --install current the target must be installed in the interpreter's environment)";
    return ` (the project was installed with ${strategy}; does it package this module?)`;
}
function targetError(failure, strategy, projectDir) {
    const hint = failure.kind === 'ModuleNotFoundError' ? notFoundHint(strategy, projectDir) : '';
    return { side: 'head', ...failure, message: failure.message + hint };
}
function describeEvent(event) {
    if (event.phase === 'warmup')
        return `warming up (${event.round}/${event.of})`;
    if (event.phase === 'failed')
        return `${event.arm.target}: ${event.failure.kind}: ${event.failure.message}`;
    return null;
}
async function measure(config, deps) {
    const started = new Date();
    const clockStart = performance.now();
    const python = findExecutable(config.python, deps.env.PATH ?? '', deps.cwd);
    if (!python) {
        throw new SetupError(`--python: "${config.python}" was not found (give a path, or a name on PATH)`);
    }
    const pyproject = readPyproject(config.projectDir);
    const targets = config.flags.targets ?? pyproject.settings.targets;
    if (!targets?.length) {
        throw new UsageError(`no targets: pass -t MODULE (repeatable), or set targets = ["mypkg"] under [tool.importgate] in ${config.projectDir}/pyproject.toml`);
    }
    const settings = resolve(config.flags, pyproject.settings);
    checkBudgets(settings.gate, targets, pyproject.file ? `${pyproject.file} [tool.importgate]` : '--budget');
    const install = settings.install ?? { kind: 'none' };
    // A neutral, empty cwd: nothing in it can shadow a module or add to the search.
    const scratch = await mkdtemp(join(deps.env.TMPDIR || tmpdir(), 'importgate-'));
    try {
        const info = await describeInterpreter(python, childEnv(deps.env), scratch);
        const interpreter = info.executable || python;
        if (install.kind !== 'none' && install.kind !== 'current') {
            deps.log(`installing the working tree (${install.kind})`);
        }
        const environment = await prepareEnvironment({
            label: 'the working tree',
            spec: install,
            projectDir: config.projectDir,
            envDir: join(scratch, 'venv'),
            tmpDir: join(scratch, 'tmp'),
            python: interpreter,
            parentEnv: deps.env,
            timeoutMs: INSTALL_TIMEOUT_MS,
            signal: deps.signal,
        });
        const env = environment.env;
        const probe = await compiledProbe(environment.python, env, scratch);
        const arms = targets.map((target) => ({
            key: `head:${target}`,
            target,
            python: environment.python,
            probe,
            env,
        }));
        const sampling = settings.sampling;
        const random = seededRandom(sampling.seed);
        const options = {
            arms,
            cwd: scratch,
            warmups: sampling.warmups,
            minRounds: sampling.minPairs,
            maxRounds: sampling.maxPairs,
            deadline: performance.now() + sampling.maxTimeMs,
            sampleTimeoutMs: sampling.sampleTimeoutMs,
            random,
            settled: medianSettled,
            signal: deps.signal,
            onEvent: (event) => {
                const line = describeEvent(event);
                if (line)
                    deps.log(line);
            },
        };
        deps.log(`Python ${info.version_info.join('.')} (${interpreter}), ${targets.length} target(s)`);
        const results = emptyResults(arms);
        await warmUp(options, results);
        const live = arms.filter((arm) => !results.get(arm.key).failure);
        deps.log(`profiling with -X importtime (${sampling.profileRuns} run(s) per target)`);
        const profiles = await profileArms({
            arms: live,
            runs: sampling.profileRuns,
            cwd: scratch,
            timeoutMs: sampling.sampleTimeoutMs,
            random,
            signal: deps.signal,
        });
        deps.log(`sampling (${sampling.minPairs} to ${sampling.maxPairs} rounds, at most ${sampling.maxTimeMs / 1000} s in all)`);
        const outcome = await sample(options, results);
        if (deps.signal?.aborted)
            throw new SetupError('cancelled');
        const targetResults = arms.map((arm) => {
            const armResult = results.get(arm.key);
            const profile = profiles.get(arm.key);
            const failure = armResult.failure ?? profile?.failure ?? null;
            const measured = armResult.samples.length > 0 && !failure;
            const result = {
                name: arm.target,
                verdict: failure ? 'error' : 'pass',
                base: null,
                head: measured ? sideResult(arm.target, armResult.samples, profile) : null,
                delta: null,
                modules: null,
                forbidden: [],
                budget: null,
                error: failure ? targetError(failure, environment.strategy, config.projectDir) : null,
            };
            const loaded = profile?.runs ? profile.added : null;
            return applyGate(result, loaded, profile?.costs ?? new Map(), settings.gate);
        });
        const tree = await describeWorkingTree(config.repoDir);
        return {
            schema: 1,
            tool: { name: 'importgate', version: VERSION },
            command: 'measure',
            verdict: mostSerious(targetResults.map((t) => t.verdict)),
            python: info.version,
            platform: `${info.platform} ${info.machine}`.trim(),
            base: null,
            head: { ref: 'WORKTREE', sha: tree.sha, dirty: tree.dirty },
            settings: {
                install: environment.strategy,
                python: environment.python,
                project_dir: config.projectDir,
                ...gateSettings(settings.gate),
                ...samplingSettings(sampling),
            },
            rounds: outcome.rounds,
            truncated: outcome.truncated,
            started_at: started.toISOString(),
            duration_s: ms((performance.now() - clockStart) / 1000),
            targets: targetResults,
        };
    }
    finally {
        await rm(scratch, { recursive: true, force: true });
    }
}

// `importgate compare <base> <head>`: two commits, each in its own worktree and
// environment, measured in interleaved pairs, compared, and explained.
/**
 * The gate and sampling come from base's [tool.importgate] (flags win), so a
 * pull request cannot loosen its own gate unseen; what head changes there is
 * reported. Targets are -t, else the union of both sides' lists.
 */
function compareSettings(flags, base, head) {
    const resolved = resolve(flags, base.settings);
    const baseTargets = base.settings.targets ?? [];
    const headTargets = head.settings.targets ?? [];
    const targets = flags.targets ?? [...new Set([...baseTargets, ...headTargets])];
    if (targets.length === 0) {
        throw new UsageError('no targets: pass -t MODULE (repeatable), or set targets = ["mypkg"] under [tool.importgate] in pyproject.toml');
    }
    checkBudgets(resolved.gate, targets, base.file ? `${base.file} [tool.importgate]` : '--budget');
    const newTargets = flags.targets ? [] : headTargets.filter((t) => !baseTargets.includes(t));
    const keys = [...new Set([...Object.keys(base.raw), ...Object.keys(head.raw)])].sort();
    const changes = keys
        .filter((key) => JSON.stringify(base.raw[key]) !== JSON.stringify(head.raw[key]))
        .map((key) => ({ key, base: base.raw[key] ?? null, head: head.raw[key] ?? null }));
    return { ...resolved, targets, newTargets, changes };
}
/** Installs both sides at once; when one fails the other is stopped, and the first error is thrown. */
async function installBoth(install, outer) {
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    outer?.addEventListener('abort', onAbort, { once: true });
    try {
        const run = (side) => install(side, controller.signal).catch((error) => {
            controller.abort();
            throw error;
        });
        const [base, head] = await Promise.allSettled([run('base'), run('head')]);
        // Report the side that failed first on its own, not the one stopped because of it.
        for (const result of [base, head]) {
            if (result.status === 'rejected' && !/ cancelled\./.test(String(result.reason)))
                throw result.reason;
        }
        if (base.status === 'rejected')
            throw base.reason;
        if (head.status === 'rejected')
            throw head.reason;
        return { base: base.value, head: head.value };
    }
    finally {
        outer?.removeEventListener('abort', onAbort);
    }
}
/** Raw -X importtime output of every profile run, and each side's install output. */
async function saveLogs(dir, targets, envs) {
    await mkdir(join(dir, 'importtime'), { recursive: true });
    for (const side of ['base', 'head']) {
        if (envs[side].log)
            await writeFile(join(dir, `install-${side}.log`), envs[side].log);
        for (const t of targets) {
            const logs = (side === 'base' ? t.baseProfile : t.headProfile)?.logs ?? [];
            for (const [i, log] of logs.entries()) {
                await writeFile(join(dir, 'importtime', `${side}-${t.target}-${i + 1}.log`), log);
            }
        }
    }
}
async function compare(config, deps) {
    const started = new Date();
    const clockStart = performance.now();
    const python = findExecutable(config.python, deps.env.PATH ?? '', deps.cwd);
    if (!python)
        throw new SetupError(`--python: "${config.python}" was not found (give a path, or a name on PATH)`);
    const sha = {
        base: await resolveCommit(config.repoDir, config.baseRef, 'base ref'),
        head: await resolveCommit(config.repoDir, config.headRef, 'head ref'),
    };
    const scratch = await mkdtemp(join(deps.env.TMPDIR || tmpdir(), 'importgate-'));
    try {
        // An empty folder for the children's cwd: nothing in it can shadow a module.
        const run = join(scratch, 'run');
        await mkdir(run);
        const info = await describeInterpreter(python, childEnv(deps.env), run);
        const interpreter = info.executable || python;
        const trees = [
            { path: join(scratch, 'base'), sha: sha.base },
            { path: join(scratch, 'head'), sha: sha.head },
        ];
        return await withWorktrees(config.repoDir, trees, async () => {
            const projects = {
                base: join(scratch, 'base', config.projectSubdir),
                head: join(scratch, 'head', config.projectSubdir),
            };
            for (const side of ['base', 'head']) {
                if (!existsSync(projects[side])) {
                    throw new SetupError(`--project-dir: ${config.projectSubdir} does not exist in ${side} (${sha[side].slice(0, 10)})`);
                }
            }
            const settings = compareSettings(config.flags, readPyproject(projects.base), readPyproject(projects.head));
            const { targets, gate } = settings;
            const install = settings.install ?? { kind: 'auto' };
            if (settings.changes.length) {
                deps.log(`head changes [tool.importgate] (${settings.changes.map((c) => c.key).join(', ')}); the gate uses base's settings`);
            }
            const ref = (side) => (side === 'base' ? config.baseRef : config.headRef);
            deps.log(`installing base and head (${install.kind})`);
            const envs = await installBoth((side, signal) => prepareEnvironment({
                label: `${side} (${ref(side)} at ${sha[side].slice(0, 10)})`,
                spec: install,
                projectDir: projects[side],
                envDir: join(scratch, `${side}-venv`),
                tmpDir: join(scratch, `${side}-tmp`),
                python: interpreter,
                parentEnv: deps.env,
                timeoutMs: INSTALL_TIMEOUT_MS,
                signal,
                commandEnv: { IMPORTGATE_SIDE: side, IMPORTGATE_SHA: sha[side] },
            }), deps.signal);
            const probe = await compiledProbe(envs.base.python, envs.base.env, run);
            const arms = targets.map((target) => {
                const arm = (side) => ({
                    key: `${side}:${target}`,
                    target,
                    python: envs[side].python,
                    probe,
                    env: envs[side].env,
                    group: target,
                });
                return {
                    target,
                    base: settings.newTargets.includes(target) ? null : arm('base'),
                    head: arm('head'),
                };
            });
            const s = settings.sampling;
            deps.log(`measuring ${targets.join(', ')}: ${s.minPairs} to ${s.maxPairs} interleaved pairs, at most ${s.maxTimeMs / 1000} s`);
            let sampling = false;
            const outcome = await sampleComparison({
                targets: arms,
                cwd: run,
                warmups: s.warmups,
                minPairs: s.minPairs,
                maxPairs: s.maxPairs,
                deadline: performance.now() + s.maxTimeMs,
                sampleTimeoutMs: s.sampleTimeoutMs,
                profileRuns: s.profileRuns,
                // Twice the minimum: the fresh batch has a fixed size and no early stop,
                // and at 20 pairs noise on a 2-core runner sank real 10% slowdowns.
                confirmPairs: Math.min(s.maxPairs, 2 * s.minPairs),
                random: seededRandom(s.seed),
                gate,
                signal: deps.signal,
                onEvent: (event) => {
                    if (event.phase === 'warmup')
                        deps.log(`warming up (${event.round}/${event.of})`);
                    if (event.phase === 'sample' && event.round === 1 && !sampling) {
                        sampling = true;
                        deps.log('sampling interleaved pairs');
                    }
                    if (event.phase === 'failed')
                        deps.log(`${event.arm.key}: ${event.failure.kind}: ${event.failure.message}`);
                    if (event.phase === 'confirm')
                        deps.log(`confirming a regression of ${event.targets.join(', ')} with a fresh batch`);
                },
            });
            if (deps.signal?.aborted)
                throw new SetupError('cancelled');
            if (deps.logDir)
                await saveLogs(deps.logDir, outcome.targets, envs);
            const results = outcome.targets.map((t) => targetResult(t, gate));
            const installed = envs.base.distributions && envs.head.distributions;
            return {
                schema: 1,
                tool: { name: 'importgate', version: VERSION },
                command: 'compare',
                verdict: overallVerdict(results.map((t) => t.verdict)),
                python: info.version,
                platform: `${info.platform} ${info.machine}`.trim(),
                base: { ref: config.baseRef, sha: sha.base },
                head: { ref: config.headRef, sha: sha.head },
                settings: {
                    install: install.kind === 'command' ? install.command : install.kind,
                    python: interpreter,
                    project_dir: config.projectSubdir || '.',
                    ...gateSettings(gate),
                    ...samplingSettings(s),
                },
                config_changes: settings.changes,
                deps: installed
                    ? {
                        base_strategy: envs.base.strategy,
                        head_strategy: envs.head.strategy,
                        changed: diffDistributions(envs.base.distributions, envs.head.distributions),
                    }
                    : null,
                rounds: outcome.rounds,
                truncated: outcome.truncated,
                started_at: started.toISOString(),
                duration_s: ms((performance.now() - clockStart) / 1000),
                targets: results,
            };
        });
    }
    finally {
        await rm(scratch, { recursive: true, force: true });
    }
}

function directory(input, path) {
    if (!existsSync(path) || !statSync(path).isDirectory()) {
        throw new UsageError(`${input}: ${path} is not a directory`);
    }
    return path;
}
/** --project-dir as a path inside the repository (it is looked up in each worktree). */
function projectSubdir(repoDir, value) {
    const sub = relative(repoDir, resolve$1(repoDir, value ?? '.'));
    if (sub.startsWith('..') || isAbsolute(sub)) {
        throw new UsageError(`--project-dir: "${value}" is outside the repository ${repoDir}; give a folder inside it`);
    }
    return sub;
}
function validateTargets(targets, source) {
    for (const target of targets) {
        const problem = moduleNameProblem(target);
        if (problem)
            throw new UsageError(`${source}: "${target}" is not a Python module name: ${problem}`);
    }
    return [...new Set(targets)];
}

// Command-line flags (as node:util parseArgs returns them), or the action's
// inputs mapped onto the same names, → SettingsInput.
const cliName = (flag) => (flag === 'target' ? '-t/--target' : `--${flag}`);
function positive(input, value) {
    const ms = parseDuration(input, value, 's');
    if (ms <= 0)
        throw new UsageError(`${input}: "${value}" must be more than zero`);
    return ms;
}
/** "mypkg=300ms" → ["mypkg", 300]. */
function budget(value, input) {
    const at = value.indexOf('=');
    if (at < 1)
        throw new UsageError(`${input}: "${value}" should be TARGET=DURATION, such as mypkg=300ms`);
    const [target] = validateTargets([value.slice(0, at).trim()], input);
    return [target, parseDuration(input, value.slice(at + 1), 'ms')];
}
function flagSettings(f, installModes, minProfileRuns = 0, name = cliName) {
    const when = (value, parse) => value === undefined ? undefined : parse(value);
    const input = {
        targets: f.target?.length ? validateTargets(f.target, name('target')) : undefined,
        install: when(f.install, (v) => parseInstall(name('install'), v, installModes)),
        thresholdPct: when(f.threshold, (v) => parsePercent(name('threshold'), v)),
        minDeltaMs: when(f['min-delta'], (v) => parseDuration(name('min-delta'), v, 'ms')),
        maxModules: when(f['max-modules'], (v) => parseCount(name('max-modules'), v, 1)),
        forbid: f.forbid?.length ? validateTargets(f.forbid, name('forbid')) : undefined,
        budgetsMs: f.budget?.length
            ? Object.fromEntries(f.budget.map((b) => budget(b, name('budget'))))
            : undefined,
        minPairs: when(f['min-pairs'], (v) => parseCount(name('min-pairs'), v, 1)),
        maxPairs: when(f['max-pairs'], (v) => parseCount(name('max-pairs'), v, 1)),
        maxTimeMs: when(f['max-time'], (v) => positive(name('max-time'), v)),
        sampleTimeoutMs: when(f['sample-timeout'], (v) => positive(name('sample-timeout'), v)),
        warmups: when(f.warmup, (v) => parseCount(name('warmup'), v, 0)),
        profileRuns: when(f['profile-runs'], (v) => parseCount(name('profile-runs'), v, minProfileRuns)),
        seed: when(f.seed, (v) => parseCount(name('seed'), v, 0)),
    };
    if (f.alpha !== undefined) {
        const a = Number(f.alpha);
        if (!(a > 0 && a < 0.5)) {
            throw new UsageError(`${name('alpha')}: "${f.alpha}" must be a number between 0 and 0.5, such as 0.01`);
        }
        input.alpha = a;
    }
    return input;
}

// `importgate compare <base-ref> <head-ref>` flags → CompareConfig. Settings
// from [tool.importgate] are read later, from the base commit's checkout.
function compareConfig(flags, positionals, cwd) {
    if (positionals.length !== 2) {
        throw new UsageError(`compare needs two revisions, base then head (e.g. importgate compare main HEAD); got ${positionals.length}: ${JSON.stringify(positionals)}`);
    }
    const [baseRef, headRef] = positionals;
    const repoDir = directory('-C/--repo', resolve$1(cwd, flags.repo ?? '.'));
    return {
        repoDir,
        projectSubdir: projectSubdir(repoDir, flags['project-dir']),
        baseRef,
        headRef,
        python: flags.python ?? 'python3',
        // At least one profile run per side: the module diff needs them.
        flags: flagSettings(flags, ['auto', 'none', 'pip', 'uv'], 1),
        jsonPath: flags.json ? resolve$1(cwd, flags.json) : null,
        markdownPath: flags.markdown ? resolve$1(cwd, flags.markdown) : null,
        quiet: flags.quiet ?? false,
    };
}

// `importgate measure` flags → MeasureConfig. The project's [tool.importgate]
// is merged in by the command (flags win), once the project is known.
function measureConfig(flags, cwd) {
    const repoDir = directory('-C/--repo', resolve$1(cwd, flags.repo ?? '.'));
    return {
        repoDir,
        projectDir: directory('--project-dir', resolve$1(repoDir, flags['project-dir'] ?? '.')),
        python: flags.python ?? 'python3',
        flags: flagSettings(flags, ['none', 'current', 'auto', 'pip', 'uv']),
        jsonPath: flags.json ? resolve$1(cwd, flags.json) : null,
        markdownPath: flags.markdown ? resolve$1(cwd, flags.markdown) : null,
        quiet: flags.quiet ?? false,
    };
}

// Number and chain formatting shared by the terminal and markdown reports.
/** 12.3 ms, 1.234 s, 850 µs: three significant figures or so. */
function formatMs(value) {
    if (!Number.isFinite(value))
        return '–';
    const abs = Math.abs(value);
    if (abs >= 1000)
        return `${(value / 1000).toFixed(abs >= 10_000 ? 1 : 2)} s`;
    if (abs >= 100)
        return `${value.toFixed(0)} ms`;
    if (abs >= 10)
        return `${value.toFixed(1)} ms`;
    if (abs >= 1)
        return `${value.toFixed(2)} ms`;
    return `${(value * 1000).toFixed(0)} µs`;
}
/** "a → b → c", keeping the two outermost and the three innermost links of a long chain. */
function formatChain(chain, arrow = ' → ') {
    if (chain.length <= 6)
        return chain.join(arrow);
    return [...chain.slice(0, 2), '…', ...chain.slice(-3)].join(arrow);
}
function signed(value, format) {
    return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${format(Math.abs(value))}`;
}
/** +12.3 ms, −850 µs, ±0 µs. */
const signedMs = (value) => signed(value, formatMs);
/** +12.3%, −0.85%, +8524%. */
function signedPct(value) {
    return signed(value, (x) => `${x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2)}%`);
}

// To do: next major: remove.
/**
 * @typedef {Options} MarkdownTableOptions
 *   Configuration.
 */

/**
 * @typedef Options
 *   Configuration.
 * @property {boolean | null | undefined} [alignDelimiters=true]
 *   Whether to align the delimiters (default: `true`);
 *   they are aligned by default:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   Pass `false` to make them staggered:
 *
 *   ```markdown
 *   | Alpha | B |
 *   | - | - |
 *   | C | Delta |
 *   ```
 * @property {ReadonlyArray<string | null | undefined> | string | null | undefined} [align]
 *   How to align columns (default: `''`);
 *   one style for all columns or styles for their respective columns;
 *   each style is either `'l'` (left), `'r'` (right), or `'c'` (center);
 *   other values are treated as `''`, which doesn’t place the colon in the
 *   alignment row but does align left;
 *   *only the lowercased first character is used, so `Right` is fine.*
 * @property {boolean | null | undefined} [delimiterEnd=true]
 *   Whether to end each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B
 *   | ----- | -----
 *   | C     | Delta
 *   ```
 * @property {boolean | null | undefined} [fillRows=true]
 *   Whether to fill rows with empty cells up to the most cells in a row
 *   (default: `true`).
 *
 *   When `true`, all rows have as many cells as the longest row:
 *
 *   ```markdown
 *   | Alpha | B    |   |
 *   | ----- | ---- | - |
 *   | C     |      |   |
 *   | D     | Echo | F |
 *   ```
 *
 *   When `false`, rows keep their cells,
 *   and the delimiter row has as many cells as the header row:
 *
 *   ```markdown
 *   | Alpha | B    |
 *   | ----- | ---- |
 *   | C     |
 *   | D     | Echo | F |
 *   ```
 * @property {boolean | null | undefined} [delimiterStart=true]
 *   Whether to begin each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are starting delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no starting delimiters:
 *
 *   ```markdown
 *   Alpha | B     |
 *   ----- | ----- |
 *   C     | Delta |
 *   ```
 * @property {boolean | null | undefined} [padding=true]
 *   Whether to add a space of padding between delimiters and cells
 *   (default: `true`).
 *
 *   When `true`, there is padding:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there is no padding:
 *
 *   ```markdown
 *   |Alpha|B    |
 *   |-----|-----|
 *   |C    |Delta|
 *   ```
 * @property {((value: string) => number) | null | undefined} [stringLength]
 *   Function to detect the length of table cell content (optional);
 *   this is used when aligning the delimiters (`|`) between table cells;
 *   full-width characters and emoji mess up delimiter alignment when viewing
 *   the markdown source;
 *   to fix this, you can pass this function,
 *   which receives the cell content and returns its “visible” size;
 *   note that what is and isn’t visible depends on where the text is displayed.
 *
 *   Without such a function, the following:
 *
 *   ```js
 *   markdownTable([
 *     ['Alpha', 'Bravo'],
 *     ['中文', 'Charlie'],
 *     ['👩‍❤️‍👩', 'Delta']
 *   ])
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo |
 *   | - | - |
 *   | 中文 | Charlie |
 *   | 👩‍❤️‍👩 | Delta |
 *   ```
 *
 *   With [`string-width`](https://github.com/sindresorhus/string-width):
 *
 *   ```js
 *   import stringWidth from 'string-width'
 *
 *   markdownTable(
 *     [
 *       ['Alpha', 'Bravo'],
 *       ['中文', 'Charlie'],
 *       ['👩‍❤️‍👩', 'Delta']
 *     ],
 *     {stringLength: stringWidth}
 *   )
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo   |
 *   | ----- | ------- |
 *   | 中文  | Charlie |
 *   | 👩‍❤️‍👩    | Delta   |
 *   ```
 */

/**
 * Get the length of a cell.
 *
 * @param {string} value
 *   Cell value.
 * @returns {number}
 *   Cell size.
 */
function defaultStringLength(value) {
  return value.length
}

/**
 * Generate a markdown
 * ([GFM](https://docs.github.com/en/github/writing-on-github/working-with-advanced-formatting/organizing-information-with-tables))
 * table.
 *
 * @param {ReadonlyArray<ReadonlyArray<string | null | undefined>>} table
 *   Table data (matrix of strings).
 * @param {Readonly<Options> | null | undefined} [options]
 *   Configuration (optional).
 * @returns {string}
 *   Result.
 */
function markdownTable(table, options) {
  const settings = options || {};
  // To do: next major: change to spread.
  // eslint-disable-next-line unicorn/prefer-spread -- `align` can be a string.
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  /** @type {Array<number>} Character codes as symbols for alignment per column. */
  const alignments = [];
  /** @type {Array<Array<string>>} Cells per row. */
  const cellMatrix = [];
  /** @type {Array<Array<number>>} Sizes of each cell per row. */
  const sizeMatrix = [];
  /** @type {Array<number>} */
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;

  // This is a superfluous loop if we don’t align delimiters, but otherwise we’d
  // do superfluous work when aligning, so optimize for aligning.
  while (++rowIndex < table.length) {
    /** @type {Array<string>} */
    const row = [];
    /** @type {Array<number>} */
    const sizes = [];
    let columnIndex = -1;

    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length;
    }

    while (++columnIndex < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex]);

      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes[columnIndex] = size;

        if (
          longestCellByColumn[columnIndex] === undefined ||
          size > longestCellByColumn[columnIndex]
        ) {
          longestCellByColumn[columnIndex] = size;
        }
      }

      row.push(cell);
    }

    cellMatrix[rowIndex] = row;
    sizeMatrix[rowIndex] = sizes;
  }

  // Figure out which alignments to use.
  let columnIndex = -1;

  if (typeof align === 'object' && 'length' in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);

    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }

  // Inject the alignment row.
  columnIndex = -1;
  /** @type {Array<string>} */
  const row = [];
  /** @type {Array<number>} */
  const sizes = [];

  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = '';
    let after = '';

    if (code === 99 /* `c` */) {
      before = ':';
      after = ':';
    } else if (code === 108 /* `l` */) {
      before = ':';
    } else if (code === 114 /* `r` */) {
      after = ':';
    }

    // There *must* be at least one hyphen-minus in each alignment cell.
    let size =
      settings.alignDelimiters === false
        ? 1
        : Math.max(
            1,
            longestCellByColumn[columnIndex] - before.length - after.length
          );

    const cell = before + '-'.repeat(size) + after;

    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;

      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }

      sizes[columnIndex] = size;
    }

    row[columnIndex] = cell;
  }

  // Inject the alignment row.
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);

  rowIndex = -1;
  /** @type {Array<string>} */
  const lines = [];

  while (++rowIndex < cellMatrix.length) {
    const row = cellMatrix[rowIndex];
    const sizes = sizeMatrix[rowIndex];
    const cellsInRow =
      settings.fillRows === false
        ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length)
        : mostCellsPerRow;
    columnIndex = -1;
    /** @type {Array<string>} */
    const line = [];

    while (++columnIndex < cellsInRow) {
      const cell = row[columnIndex] || '';
      let before = '';
      let after = '';

      if (settings.alignDelimiters !== false) {
        const size =
          longestCellByColumn[columnIndex] - (sizes[columnIndex] || 0);
        const code = alignments[columnIndex];

        if (code === 114 /* `r` */) {
          before = ' '.repeat(size);
        } else if (code === 99 /* `c` */) {
          const half = size / 2;

          if (size % 2) {
            before = ' '.repeat(half + 0.5);
            after = ' '.repeat(half - 0.5);
          } else {
            before = ' '.repeat(half);
            after = before;
          }
        } else {
          after = ' '.repeat(size);
        }
      }

      if (settings.delimiterStart !== false && !columnIndex) {
        line.push('|');
      }

      if (
        settings.padding !== false &&
        // Don’t add the opening space if we’re not aligning and the cell is
        // empty: there will be a closing space.
        !(settings.alignDelimiters === false && cell === '') &&
        (settings.delimiterStart !== false || columnIndex)
      ) {
        line.push(' ');
      }

      if (settings.alignDelimiters !== false) {
        line.push(before);
      }

      line.push(cell);

      if (settings.alignDelimiters !== false) {
        line.push(after);
      }

      if (settings.padding !== false) {
        line.push(' ');
      }

      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push('|');
      }
    }

    lines.push(
      settings.delimiterEnd === false
        ? line.join('').replace(/ +$/, '')
        : line.join('')
    );
  }

  return lines.join('\n')
}

/**
 * Serialize a cell value.
 *
 * @param {string | null | undefined} [value]
 *   Value to serialize.
 * @returns {string}
 *   Result.
 */
function serialize(value) {
  return value === null || value === undefined ? '' : String(value)
}

/**
 * Get the alignment character code from a value.
 *
 * @param {string | null | undefined} value
 *   Value.
 * @returns {number}
 *   Alignment.
 */
function toAlignment(value) {
  const code = typeof value === 'string' ? value.codePointAt(0) : 0;

  return code === 67 /* `C` */ || code === 99 /* `c` */
    ? 99 /* `c` */
    : code === 76 /* `L` */ || code === 108 /* `l` */
      ? 108 /* `l` */
      : code === 82 /* `R` */ || code === 114 /* `r` */
        ? 114 /* `r` */
        : 0
}

// Small, safe building blocks for GitHub-flavoured markdown. Pure.
/** Inline code that survives backticks in the text (a longer fence than any run inside). */
function code(text) {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
/** Plain text that must not turn into HTML, a table cell break or emphasis. */
function plain(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\*_[\]|])/g, '\\$1')
        .replace(/\r?\n/g, ' ');
}
/** A table whose cells may hold anything: pipes and newlines are escaped. */
function table(header, rows, align) {
    const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    return markdownTable([header.map(cell), ...rows.map((row) => row.map(cell))], { align });
}
function chain(names) {
    return names.map(code).join(' → ');
}
const VERDICT_LABEL = {
    pass: '✅ pass',
    improvement: '🚀 improvement',
    regression: '❌ regression',
    budget: '💸 over budget',
    forbidden: '⛔ forbidden import',
    error: '⚠️ error',
};
/** "12% slower" for ordinary changes, "85× slower" once the ratio says more than a percentage. */
function howMuch(pct) {
    const ratio = 1 + pct / 100;
    if (pct >= 200)
        return `${ratio.toFixed(ratio >= 10 ? 0 : 1)}× slower`;
    if (pct > 0)
        return `${pct.toFixed(pct >= 10 ? 0 : 1)}% slower`;
    return `${Math.abs(pct).toFixed(Math.abs(pct) >= 10 ? 0 : 1)}% faster`;
}
/** The first `limit` items, and a line saying how many were left out. */
function capped(items, limit, render) {
    const lines = items.slice(0, limit).map(render);
    if (items.length > limit)
        lines.push(`- … and ${items.length - limit} more`);
    return lines;
}

// The sections of the markdown report about the gate: forbidden imports,
// budgets, configuration changes and errors. Pure.
function budgets(doc) {
    const rows = [];
    for (const t of doc.targets) {
        const b = t.budget;
        if (b?.time)
            rows.push([
                code(t.name),
                'import time',
                formatMs(b.time.limit_ms),
                formatMs(b.time.median_ms),
                b.time.ok ? '✅ within' : '❌ over',
            ]);
        if (b?.modules)
            rows.push([
                code(t.name),
                'modules',
                String(b.modules.limit),
                String(b.modules.count),
                b.modules.ok ? '✅ within' : '❌ over',
            ]);
    }
    if (!rows.length)
        return [];
    return [
        '#### Budgets',
        '',
        table(['Target', 'Budget on', 'Limit', 'Head', 'Status'], rows, ['l', 'l', 'r', 'r', 'l']),
    ];
}
function forbidden(doc, limit) {
    const hits = doc.targets.flatMap((t) => t.forbidden.map((f) => ({ target: t.name, ...f })));
    if (!hits.length)
        return [];
    const lines = capped(hits, limit, (h) => {
        const via = h.chain.length ? `, via ${chain(h.chain)}` : '';
        const count = h.count > 1 ? ` (${h.count} modules under ${code(h.rule)})` : '';
        return `- ⛔ ${code(h.name)} is imported by ${code(h.target)}${via}${count}`;
    });
    return ['#### Forbidden imports', '', ...lines];
}
function configChanges(doc) {
    const changes = doc.config_changes ?? [];
    if (!changes.length)
        return [];
    const items = changes.map((c) => `${code(c.key)}: ${code(JSON.stringify(c.base))} → ${code(JSON.stringify(c.head))}`);
    return [
        `> [!WARNING]`,
        `> This pull request changes \`[tool.importgate]\`; the gate used the base branch's settings. ${items.join('; ')}`,
    ];
}
function errors(doc) {
    const failed = doc.targets.filter((t) => t.error);
    if (!failed.length)
        return [];
    const out = ['#### Errors', ''];
    for (const t of failed) {
        const e = t.error;
        out.push(`- ${code(t.name)} (${e.side}): **${plain(e.kind)}**: ${plain(e.message)}`);
        const detail = [...e.traceback, ...(e.stderr_tail ? ['', e.stderr_tail] : [])]
            .join('\n')
            .replace(/```/g, "'''");
        if (detail.trim())
            out.push('', '  ```', ...detail.split('\n').map((l) => `  ${l}`), '  ```');
    }
    return out;
}

/**
 * Groups of modules: the one that pulled the others in, and how many it
 * brought. Modules with no import chain (aliases placed in sys.modules) are
 * left out of the groups and counted by the caller.
 */
function grouped(changes) {
    const names = new Set(changes.map((c) => c.name));
    const leads = changes.filter((c) => {
        if (c.chain.length === 0)
            return false;
        const importer = c.chain[c.chain.length - 2];
        return importer === undefined || !names.has(importer);
    });
    return leads.map((lead) => ({
        lead,
        more: changes.filter((c) => c !== lead && c.chain.includes(lead.name)).length,
    }));
}

// The sections of the markdown report, each from the results document. Pure.
/** Targets with the most serious verdict: the largest change first for regressions and improvements, else in config order. */
const worst = (doc) => {
    const verdict = mostSerious(doc.targets.map((t) => t.verdict));
    const found = doc.targets.filter((t) => t.verdict === verdict);
    if (verdict !== 'regression' && verdict !== 'improvement')
        return found;
    const size = (t) => Math.abs(t.delta?.pct ?? 0);
    return found.sort((a, b) => size(b) - size(a));
};
function headlineFor(t, doc) {
    const name = code(t.name);
    switch (t.verdict) {
        case 'error':
            return `⚠️ importgate could not measure ${name} (${t.error.side}): ${plain(t.error.kind)}`;
        case 'forbidden':
            return `⛔ ${name} imports forbidden module ${code(t.forbidden[0].name)}`;
        case 'budget': {
            const b = t.budget;
            if (b.time && !b.time.ok)
                return `💸 ${name} takes ${formatMs(b.time.median_ms)} to import, over its ${formatMs(b.time.limit_ms)} budget`;
            return `💸 ${name} loads ${b.modules.count} modules, over the budget of ${b.modules.limit}`;
        }
        case 'regression':
            return `❌ ${name} imports ${howMuch(t.delta.pct)} (${signedMs(t.delta.ms)})`;
        case 'improvement':
            return `🚀 ${name} imports ${howMuch(t.delta.pct)} (${signedMs(t.delta.ms)})`;
        default:
            if (doc.command === 'measure')
                return `📏 ${name} imports in ${formatMs(t.head?.median_ms ?? NaN)}`;
            return doc.targets.length > 1
                ? `✅ No import-time regressions in ${doc.targets.length} targets`
                : `✅ No import-time regression: ${name} ${t.delta ? signedPct(t.delta.pct) : 'measured'}`;
    }
}
/** The headline without markdown, for terminals, check reasons and annotations. */
function plainHeadline(doc) {
    return headline(doc).replace(/^### /, '').replace(/`/g, '');
}
function headline(doc) {
    const [first, ...others] = worst(doc);
    if (!first)
        return '✅ No targets measured';
    const more = first.verdict !== 'pass' && others.length ? ` (and ${others.length} more)` : '';
    return `### ${headlineFor(first, doc)}${more}`;
}
function deltaTable(doc) {
    if (doc.command === 'measure') {
        const rows = doc.targets.map((t) => [
            code(t.name),
            t.head ? formatMs(t.head.median_ms) : '–',
            t.head ? `${formatMs(t.head.q1_ms)} – ${formatMs(t.head.q3_ms)}` : '–',
            t.head ? String(t.head.module_count) : '–',
            VERDICT_LABEL[t.verdict],
        ]);
        return table(['Target', 'Median', 'IQR', 'Modules', 'Verdict'], rows, ['l', 'r', 'r', 'r', 'l']);
    }
    const rows = doc.targets.map((t) => {
        const d = t.delta;
        const verdict = VERDICT_LABEL[t.verdict] + (t.new ? ' (new target)' : '');
        return [
            code(t.name),
            t.base ? formatMs(t.base.median_ms) : '–',
            t.head ? formatMs(t.head.median_ms) : '–',
            d ? signedMs(d.ms) : '–',
            d ? signedPct(d.pct) : '–',
            d?.ci_pct ? `${signedPct(d.ci_pct[0])} … ${signedPct(d.ci_pct[1])}` : '–',
            verdict,
        ];
    });
    const level = doc.targets.find((t) => t.delta)?.delta?.ci_level ?? 0.98;
    return table(['Target', 'Base', 'Head', 'Δ ms', 'Δ %', `CI (${Math.round(level * 100)}%)`, 'Verdict'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'l']);
}
function lazyItem(target, lead, more, eager) {
    const withMore = more ? `, with ${more} module${more > 1 ? 's' : ''} it imports` : '';
    return eager
        ? `- ${code(lead.name)} is now imported by ${code(target)} (${signedMs(lead.cumulative_ms)}), via ${chain(lead.chain)}${withMore}`
        : `- ${code(lead.name)} is no longer imported by ${code(target)} (${signedMs(-lead.cumulative_ms)})${withMore}`;
}
function lazyLoading(doc, limit) {
    const lines = [];
    for (const t of doc.targets) {
        for (const [changes, eager] of [
            [t.modules?.added ?? [], true],
            [t.modules?.removed ?? [], false],
        ]) {
            lines.push(...capped(grouped([...changes]), limit, ({ lead, more }) => lazyItem(t.name, lead, more, eager)));
            const aliases = changes.filter((c) => c.chain.length === 0).length;
            if (aliases)
                lines.push(`- ${aliases} more module name${aliases > 1 ? 's' : ''} ${eager ? 'appear' : 'disappear'} in \`sys.modules\` without an import`);
        }
    }
    if (!lines.length)
        return [];
    return [
        '#### Lazy-loading changes',
        '',
        ...lines,
        '',
        '<sub>Times are cumulative `-X importtime` times of the module and what it imports.</sub>',
    ];
}
function whereTimeWent(doc, limit) {
    const out = [];
    for (const t of doc.targets) {
        const changes = t.modules?.self_time_changes ?? [];
        if (!t.delta || !changes.length)
            continue;
        const ms = (x) => (x === null ? '–' : formatMs(x));
        const rows = changes
            .slice(0, limit)
            .map((c) => [code(c.name), ms(c.base_self_ms), ms(c.head_self_ms), signedMs(c.delta_ms)]);
        if (out.length)
            out.push('');
        out.push(`**${code(t.name)}**: own (self) time by module, largest changes first`, '', table(['Module', 'Base', 'Head', 'Δ'], rows, ['l', 'r', 'r', 'r']));
    }
    return out.length ? ['#### Where the time went', '', ...out] : [];
}
function slowest(doc, limit) {
    if (doc.command !== 'measure')
        return [];
    const out = [];
    for (const t of doc.targets) {
        const list = t.head?.profile.slowest ?? [];
        if (!list.length)
            continue;
        const rows = list
            .slice(0, limit)
            .map((m) => [
            code(m.name),
            formatMs(m.self_ms),
            formatMs(m.cumulative_ms),
            m.chain.length > 1 ? chain(m.chain.slice(0, -1)) : '(the target)',
        ]);
        if (out.length)
            out.push('');
        out.push(`**${code(t.name)}**`, '', table(['Module', 'Self', 'Cumulative', 'Imported through'], rows, ['l', 'r', 'r', 'l']));
    }
    if (!out.length)
        return [];
    return [
        '#### Slowest modules',
        '',
        ...out,
        '',
        '<sub>Median of untimed `-X importtime` runs, which run slower than the timed samples.</sub>',
    ];
}
function moduleCounts(doc) {
    const rows = doc.targets
        .filter((t) => t.head)
        .map((t) => {
        const b = t.base;
        const h = t.head;
        const delta = b ? h.module_count - b.module_count : null;
        return [
            code(t.name),
            b ? String(b.module_count) : '–',
            String(h.module_count),
            delta === null ? '–' : `${delta > 0 ? '+' : ''}${delta}`,
            b
                ? `${b.package_module_count} → ${h.package_module_count}`
                : String(h.package_module_count),
        ];
    });
    if (!rows.length)
        return [];
    if (doc.command === 'measure') {
        const measured = rows.map((r) => [r[0], r[2], r[4]]);
        return [
            '#### Modules loaded',
            '',
            table(['Target', 'Modules', 'Own package'], measured, ['l', 'r', 'r']),
        ];
    }
    return [
        '#### Modules loaded',
        '',
        table(['Target', 'Base', 'Head', 'Δ', 'Own package'], rows, ['l', 'r', 'r', 'r', 'r']),
    ];
}
function dependencies(doc, limit) {
    const changed = doc.deps?.changed ?? [];
    if (!changed.length)
        return [];
    const rows = changed
        .slice(0, limit)
        .map((d) => [code(d.name), d.base ? code(d.base) : '–', d.head ? code(d.head) : '–']);
    const more = changed.length > limit ? [`… and ${changed.length - limit} more`] : [];
    return [
        '#### Dependency changes',
        '',
        table(['Package', 'Base', 'Head'], rows, ['l', 'l', 'l']),
        ...more,
    ];
}
function methodology(doc) {
    const s = doc.settings;
    const sha = (x) => (x ? code(x.slice(0, 12)) : '–');
    const lines = [
        `- ${doc.rounds} interleaved round(s) after ${String(s.warmups)} warm-up round(s); every sample a fresh interpreter timing the import alone; ${doc.command === 'compare' ? 'base and head' : 'targets'} alternate in a random order each round (seed ${String(s.seed)}).`,
        doc.command === 'compare'
            ? `- A regression needs a one-sided Wilcoxon signed-rank p < ${String(s.alpha)} on paired log-ratios, a Hodges-Lehmann estimate above ${String(s.threshold_pct)}% and above ${String(s.min_delta_ms)} ms, and a fresh confirming batch.`
            : '- Spread is the interquartile range of the samples.',
        `- Python ${plain(doc.python.split(' ')[0] ?? doc.python)} on ${plain(doc.platform)}; install: ${code(String(s.install))}.`,
        doc.base
            ? `- Base ${code(doc.base.ref)} at ${sha(doc.base.sha)}, head ${code(doc.head.ref)} at ${sha(doc.head.sha)}.`
            : `- Working tree at ${sha(doc.head.sha)}${doc.head.dirty ? ' with uncommitted changes' : ''}.`,
        `- ${doc.duration_s.toFixed(1)} s in all; importgate ${doc.tool.version}.${doc.truncated ? ' The time budget ended sampling before the minimum number of pairs.' : ''}`,
    ];
    return ['<details><summary>How this was measured</summary>', '', ...lines, '', '</details>'];
}

// The markdown report: PR comment, job summary and --markdown. Pure.
/** GitHub refuses comments over 65,536 characters; the action adds its marker and footer. */
const MARKDOWN_LIMIT = 60_000;
/** List lengths tried in turn until the report fits. */
const CAPS = [30, 15, 8, 4, 2];
function render(doc, cap) {
    const parts = [
        [headline(doc)],
        configChanges(doc),
        [deltaTable(doc)],
        forbidden(doc, cap),
        budgets(doc),
        lazyLoading(doc, cap),
        whereTimeWent(doc, Math.min(cap, 10)),
        slowest(doc, Math.min(cap, 10)),
        moduleCounts(doc),
        dependencies(doc, cap),
        errors(doc),
        methodology(doc),
    ];
    return `${parts
        .filter((p) => p.length)
        .map((p) => p.join('\n'))
        .join('\n\n')}\n`;
}
/**
 * Renders the report, shortening lists until it fits under `limit`
 * characters; as a last resort it is cut, with a line saying so.
 */
function markdownReport(doc, limit = MARKDOWN_LIMIT) {
    for (const cap of CAPS) {
        const text = render(doc, cap);
        if (text.length <= limit)
            return text;
    }
    const notice = '\n\n… (report cut to fit; the full results are in the uploaded JSON)\n';
    const text = render(doc, CAPS[CAPS.length - 1]);
    const cut = text.lastIndexOf('\n', limit - notice.length);
    return text.slice(0, cut > 0 ? cut : limit - notice.length) + notice;
}

// Terminal colour, only when a person is looking: a TTY, and NO_COLOR unset
// (https://no-color.org). FORCE_COLOR turns it on regardless.
const sgr = (open, close) => (text) => `\u001b[${open}m${text}\u001b[${close}m`;
const COLOR = {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
};
const same = (text) => text;
const PLAIN = { bold: same, dim: same, red: same, green: same, yellow: same };
function useColor(isTTY, env) {
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0')
        return true;
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    return isTTY === true;
}
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
function visibleWidth(text) {
    return [...text.replace(ANSI, '')].length;
}
/** Lays rows out in columns; 'r' columns are right-aligned. Widths ignore colour codes. */
function columns(rows, align, gap = '  ') {
    const widths = [];
    for (const row of rows)
        row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleWidth(cell))));
    return rows.map((row) => row
        .map((cell, i) => {
        const pad = ' '.repeat(widths[i] - visibleWidth(cell));
        return align[i] === 'r' ? pad + cell : i === row.length - 1 ? cell : cell + pad;
    })
        .join(gap)
        .trimEnd());
}

// The terminal report of `importgate compare`. Pure: results in, text out.
function paint(verdict, style) {
    if (verdict === 'improvement')
        return style.green;
    if (verdict === 'pass')
        return (t) => t;
    return style.red;
}
function verdictText(t) {
    const c = t.delta?.confirmation;
    if (t.verdict === 'regression' && c)
        return c.confirmed ? 'regression (confirmed)' : 'regression (unconfirmed)';
    if (t.verdict === 'pass' && c?.confirmed === false)
        return 'pass (not confirmed)';
    if (t.verdict === 'budget')
        return 'over budget';
    if (t.verdict === 'forbidden')
        return 'forbidden import';
    return t.new ? `${t.verdict} (new target)` : t.verdict;
}
/** Config changes, forbidden imports and budgets: what decides beyond the statistics. */
function gateLines(doc, style) {
    const out = [];
    for (const c of doc.config_changes ?? []) {
        out.push(style.yellow(`head changes [tool.importgate] ${c.key}: ${JSON.stringify(c.base)} → ${JSON.stringify(c.head)} (the gate used base's)`));
    }
    for (const t of doc.targets) {
        if (t.new)
            out.push(style.dim(`${t.name} is new in head: measured on head only`));
        for (const f of t.forbidden) {
            out.push(style.red(`forbidden: ${f.name} is imported by ${t.name}${f.chain.length ? ` via ${formatChain(f.chain)}` : ''}`));
        }
        const b = t.budget;
        if (b?.time)
            out.push((b.time.ok ? style.dim : style.red)(`budget: ${t.name} ${formatMs(b.time.median_ms)} of ${formatMs(b.time.limit_ms)} ${b.time.ok ? '(within)' : '(over)'}`));
        if (b?.modules)
            out.push((b.modules.ok ? style.dim : style.red)(`budget: ${t.name} loads ${b.modules.count} of ${b.modules.limit} modules ${b.modules.ok ? '(within)' : '(over)'}`));
    }
    return out.length ? ['', ...out] : [];
}
function tableRows(doc, style) {
    const rows = [['target', 'base', 'head', 'Δ ms', 'Δ %', 'CI', 'verdict'].map((h) => style.dim(h))];
    for (const t of doc.targets) {
        const color = paint(t.verdict, style);
        if (!t.delta) {
            rows.push([
                t.name,
                t.base ? formatMs(t.base.median_ms) : '–',
                t.head ? formatMs(t.head.median_ms) : '–',
                '',
                '',
                '',
                color(t.verdict),
            ]);
            continue;
        }
        const d = t.delta;
        const tone = d.pct > 0 ? style.red : d.pct < 0 ? style.green : (x) => x;
        rows.push([
            t.name,
            formatMs(t.base.median_ms),
            formatMs(t.head.median_ms),
            tone(signedMs(d.ms)),
            tone(signedPct(d.pct)),
            d.ci_pct ? `${signedPct(d.ci_pct[0])} … ${signedPct(d.ci_pct[1])}` : '–',
            color(verdictText(t)),
        ]);
    }
    return rows;
}
function lazyLines(t, style, limit) {
    const out = [];
    const section = (title, changes, sign) => {
        if (!changes.length)
            return;
        out.push(`  ${style.bold(t.name)}: ${title}`);
        const groups = grouped(changes);
        const rows = groups
            .slice(0, limit)
            .map(({ lead, more }) => [
            sign > 0 ? style.red(`+ ${lead.name}`) : style.green(`− ${lead.name}`),
            signedMs(sign * lead.cumulative_ms),
            style.dim(formatChain(lead.chain)),
            more ? style.dim(`(+${more} module${more > 1 ? 's' : ''} it imports)`) : '',
        ]);
        out.push(...columns(rows, ['l', 'r', 'l', 'l']).map((l) => `    ${l}`));
        if (groups.length > limit)
            out.push(style.dim(`    … and ${groups.length - limit} more`));
        const aliases = changes.filter((c) => c.chain.length === 0).length;
        if (aliases)
            out.push(style.dim(`    (and ${aliases} module name${aliases > 1 ? 's' : ''} set in sys.modules without an import)`));
    };
    section('now eager (imported in head, not in base)', t.modules?.added ?? [], 1);
    section('now lazy (imported in base, not in head)', t.modules?.removed ?? [], -1);
    return out;
}
function compareReport(doc, style, limit = 8) {
    const out = [];
    const sha = (s) => (s ? s.slice(0, 10) : '?');
    out.push(style.bold(`importgate compare · Python ${doc.python.split(' ')[0]} · ${doc.platform}`));
    out.push(paint(doc.verdict, style)(plainHeadline(doc)));
    out.push(style.dim(`base ${doc.base?.ref} (${sha(doc.base?.sha ?? null)}) → head ${doc.head.ref} (${sha(doc.head.sha)})`));
    out.push('');
    out.push(...columns(tableRows(doc, style), ['l', 'r', 'r', 'r', 'r', 'r', 'l']).map((l) => `  ${l}`));
    out.push(...gateLines(doc, style));
    const lazy = doc.targets.flatMap((t) => lazyLines(t, style, limit));
    if (lazy.length) {
        out.push('', style.bold('Lazy-loading changes') + style.dim(' (cumulative -X importtime time)'), ...lazy);
    }
    const moved = doc.targets.filter((t) => t.modules?.self_time_changes.length && t.delta);
    if (moved.length) {
        out.push('', style.bold('Where the time went') + style.dim(' (own -X importtime time, head − base)'));
        for (const t of moved) {
            const top = t.modules.self_time_changes.slice(0, 5);
            out.push(`  ${style.bold(t.name)}: ${top.map((c) => `${c.name} ${signedMs(c.delta_ms)}`).join(', ')}`);
        }
    }
    const counts = doc.targets.filter((t) => t.base && t.head);
    if (counts.length) {
        const text = counts.map((t) => {
            const [b, h] = [t.base, t.head];
            const d = h.module_count - b.module_count;
            return `${t.name} ${b.module_count} → ${h.module_count} (${d > 0 ? '+' : ''}${d}; own package ${b.package_module_count} → ${h.package_module_count})`;
        });
        out.push('', `${style.bold('Modules loaded')}: ${text.join(', ')}`);
    }
    if (doc.deps?.changed.length) {
        const items = doc.deps.changed.map((d) => d.base === null
            ? `+ ${d.name} ${d.head}`
            : d.head === null
                ? `− ${d.name} ${d.base}`
                : `${d.name} ${d.base} → ${d.head}`);
        out.push('', `${style.bold('Dependencies')}: ${items.slice(0, 12).join(', ')}${items.length > 12 ? `, … and ${items.length - 12} more` : ''}`);
    }
    for (const t of doc.targets.filter((x) => x.error)) {
        const e = t.error;
        out.push('', style.red(`${t.name} (${e.side}): ${e.kind}: ${e.message}`));
        for (const frame of e.traceback.slice(-3))
            out.push(style.dim(`    ${frame}`));
    }
    const s = doc.settings;
    out.push('');
    out.push(style.dim(`${doc.rounds} interleaved round(s) after ${String(s.warmups)} warm-up(s); a regression needs p < ${String(s.alpha)} and more than ${String(s.threshold_pct)}% and ${String(s.min_delta_ms)} ms, confirmed by a fresh batch; ${doc.duration_s.toFixed(1)} s in all`));
    if (doc.truncated)
        out.push(style.yellow(`--max-time ended sampling before --min-pairs; figures are less certain`));
    return out.join('\n');
}

// The terminal summary of `importgate measure`. Pure: results in, text out.
function errorLines(target, style) {
    const error = target.error;
    const lines = [style.red(`${target.name}: ${error.kind}: ${error.message}`)];
    for (const frame of error.traceback.slice(-3))
        lines.push(style.dim(`    ${frame}`));
    if (error.stderr_tail) {
        lines.push(style.dim('    last lines of stderr:'));
        for (const line of error.stderr_tail.split('\n').slice(-5))
            lines.push(style.dim(`      ${line}`));
    }
    return lines;
}
function measureReport(doc, style, slowest = 8) {
    const out = [];
    const head = doc.head;
    const tree = head.sha
        ? `${head.sha.slice(0, 10)}${head.dirty ? ' + uncommitted changes' : ''}`
        : 'not a git commit';
    out.push(style.bold(`importgate measure · Python ${doc.python.split(' ')[0]} · ${doc.platform} · ${tree}`));
    out.push('');
    const rows = [
        ['target', 'median', 'IQR', 'range', 'n', 'modules', 'package'].map((h) => style.dim(h)),
    ];
    for (const target of doc.targets) {
        const side = target.head;
        if (!side) {
            rows.push([target.name, style.red('error'), '', '', '', '', '']);
            continue;
        }
        rows.push([
            target.name,
            style.bold(formatMs(side.median_ms)),
            `${formatMs(side.q1_ms)} – ${formatMs(side.q3_ms)}`,
            `${formatMs(side.min_ms)} – ${formatMs(side.max_ms)}`,
            String(side.samples_ms.length),
            String(side.module_count),
            String(side.package_module_count),
        ]);
    }
    out.push(...columns(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r']).map((line) => `  ${line}`));
    out.push(...gateLines(doc, style));
    if (doc.truncated) {
        out.push('', style.yellow(`--max-time ended sampling after ${doc.rounds} round(s), before --min-pairs; figures are less certain`));
    }
    for (const target of doc.targets) {
        if (target.error) {
            out.push('', ...errorLines(target, style));
            continue;
        }
        const side = target.head;
        if (side.profile.slowest.length === 0)
            continue;
        out.push('');
        out.push(`${style.bold(target.name)}: slowest modules by self time ${style.dim(`(median of ${side.profile.runs} -X importtime runs; these runs are slower than the timed ones)`)}`);
        const header = ['self', 'module', 'imported through'].map((h) => style.dim(h));
        const modRows = side.profile.slowest
            .slice(0, slowest)
            .map((cost) => [
            formatMs(cost.self_ms),
            cost.name,
            style.dim(formatChain(cost.chain.slice(0, -1)) || '(the target itself)'),
        ]);
        out.push(...columns([header, ...modRows], ['r', 'l', 'l']).map((line) => `  ${line}`));
        if (side.profile.unstable_modules) {
            out.push(style.yellow('  note: profile runs loaded different sets of modules (an import that depends on timing or environment)'));
        }
    }
    out.push('');
    out.push(style.dim(`${doc.rounds} round(s) after ${String(doc.settings.warmups)} warm-up(s), each sample a fresh interpreter; median of the import itself (perf_counter); ${doc.duration_s.toFixed(1)} s in all`));
    return out.join('\n');
}

const USAGE = `importgate: how long importing your Python package takes, measured properly

Usage:
  importgate compare <base-ref> <head-ref> [options]   is head slower to import than base, and why
  importgate measure [options]                         measure the working tree as it is
  importgate --help | --version

Common options:
  -t, --target MODULE     module to import; repeatable (default: [tool.importgate] targets
                          in pyproject.toml; for compare, those of base and head together)
  -C, --repo DIR          the git repository (default: the current directory)
      --project-dir DIR   the Python project inside the repository (default: its root)
      --python PATH       interpreter, the same for both sides (default: python3 on PATH)
      --install MODE      auto: uv sync for a uv.lock project when uv is on PATH, else
                                a venv and pip install . when packaged, else none
                                (compare's default)
                          none: nothing installed; PYTHONPATH is the project's src/ folder,
                                or the project folder (measure's default)
                          pip | uv: a venv per side, the project installed non-editable
                          current: measure only; the interpreter's environment as it is
                          "<command>": your own shell command, run in the checkout with a
                                fresh venv activated (IMPORTGATE_SIDE=base|head is set)
      --min-pairs N       at least N samples (measure) or pairs (compare) per target (20)
      --max-pairs N       at most N (200)
      --max-time SECONDS  time budget for warm-ups, profiles and samples; installs are
                          not counted (120)
      --sample-timeout SECONDS
                          one import taking longer is killed and reported (60)
      --warmup N          discarded rounds before sampling (3)
      --profile-runs N    untimed -X importtime runs per target and side (3)
      --seed N            seed for the run order, to reproduce a run
      --max-modules N     budget on modules loaded by importing any target
      --forbid MODULE     must not be imported by any target; repeatable
      --budget TARGET=DURATION
                          budget on a target's median import time; repeatable
      --json FILE         write the results document (schema 1) to FILE
      --markdown FILE     write the markdown report (the pull-request comment) to FILE
  -q, --quiet             no progress lines on stderr

Settings not given as flags come from [tool.importgate] in pyproject.toml (for compare,
from the base commit's), then the defaults shown.

Options for compare:
      --threshold PCT     relative change below which nothing fails (3%)
      --min-delta MS      absolute change below which nothing fails (0.5ms)
      --alpha P           one-sided significance level (0.01)

Exit status: 0 pass or improvement; 1 regression, budget breach or forbidden import;
             2 usage or setup error, or a target that could not be imported.
Colour: on when stdout is a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on.`;

// The CLI as a function: arguments and streams in, exit status out.
const MEASURE_OPTIONS = {
    target: { type: 'string', short: 't', multiple: true },
    repo: { type: 'string', short: 'C' },
    'project-dir': { type: 'string' },
    python: { type: 'string' },
    install: { type: 'string' },
    'min-pairs': { type: 'string' },
    'max-pairs': { type: 'string' },
    'max-time': { type: 'string' },
    'sample-timeout': { type: 'string' },
    warmup: { type: 'string' },
    'profile-runs': { type: 'string' },
    seed: { type: 'string' },
    'max-modules': { type: 'string' },
    forbid: { type: 'string', multiple: true },
    budget: { type: 'string', multiple: true },
    json: { type: 'string' },
    markdown: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
};
const COMPARE_OPTIONS = {
    ...MEASURE_OPTIONS,
    threshold: { type: 'string' },
    'min-delta': { type: 'string' },
    alpha: { type: 'string' },
};
/** 0 pass or improvement; 1 a failing verdict; 2 an error. */
function exitStatus(doc) {
    if (doc.verdict === 'error')
        return 2;
    return doc.verdict === 'pass' || doc.verdict === 'improvement' ? 0 : 1;
}
function parse(args, options) {
    try {
        return parseArgs({ args, options, allowPositionals: true, strict: true });
    }
    catch (error) {
        throw new UsageError(`${error.message}\nRun importgate --help for the options.`);
    }
}
async function runMeasure(args, io) {
    const { values, positionals } = parse(args, MEASURE_OPTIONS);
    if (positionals.length > 0) {
        throw new UsageError(`measure takes no positional arguments, got ${JSON.stringify(positionals)}; give targets with -t MODULE`);
    }
    const config = measureConfig(values, io.cwd);
    const log = config.quiet ? () => { } : (line) => io.stderr.write(`importgate: ${line}\n`);
    const doc = await measure(config, { env: io.env, cwd: io.cwd, log, signal: io.signal });
    return finish(doc, measureReport, config, io, log);
}
async function runCompare(args, io) {
    const { values, positionals } = parse(args, COMPARE_OPTIONS);
    const config = compareConfig(values, positionals, io.cwd);
    const log = config.quiet ? () => { } : (line) => io.stderr.write(`importgate: ${line}\n`);
    const doc = await compare(config, { env: io.env, cwd: io.cwd, log, signal: io.signal });
    return finish(doc, compareReport, config, io, log);
}
async function finish(doc, report, paths, io, log) {
    const style = useColor(io.stdout.isTTY, io.env) ? COLOR : PLAIN;
    io.stdout.write(`${report(doc, style)}\n`);
    const write = async (path, text, what) => {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, text);
        log(`${what} written to ${path}`);
    };
    if (paths.jsonPath)
        await write(paths.jsonPath, `${JSON.stringify(doc, null, 2)}\n`, 'results');
    if (paths.markdownPath)
        await write(paths.markdownPath, markdownReport(doc), 'markdown report');
    return exitStatus(doc);
}
async function runCli(argv, io) {
    const [command, ...rest] = argv;
    try {
        if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
            io.stdout.write(`${USAGE}\n`);
            return command === undefined ? 2 : 0;
        }
        if (command === '--version' || command === '-V') {
            io.stdout.write(`importgate ${VERSION}\n`);
            return 0;
        }
        if (rest.includes('--help') || rest.includes('-h')) {
            io.stdout.write(`${USAGE}\n`);
            return 0;
        }
        if (command === 'measure')
            return await runMeasure(rest, io);
        if (command === 'compare')
            return await runCompare(rest, io);
        throw new UsageError(`unknown command "${command}"; use measure or compare (importgate --help)`);
    }
    catch (error) {
        if (error instanceof UsageError || error instanceof SetupError) {
            io.stderr.write(`importgate: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
}

// CLI entry: wires the process (argv, streams, signals) into runCli.
const controller = new AbortController();
let interrupted = false;
for (const name of ['SIGINT', 'SIGTERM']) {
    process.on(name, () => {
        if (interrupted)
            process.exit(130); // a second signal: stop waiting for cleanup
        interrupted = true;
        process.stderr.write(`importgate: ${name}: stopping and cleaning up\n`);
        controller.abort();
        killAllMeasuredProcesses();
    });
}
runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
}).then((status) => {
    process.exitCode = interrupted ? 130 : status;
}, (error) => {
    process.stderr.write(`importgate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
});
