#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4006:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(8016);
const utils = __nccwpck_require__(4059);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 5595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 8265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(5595);
const utils = __nccwpck_require__(4059);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 8016:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(1781);
const parse = __nccwpck_require__(8265);
const utils = __nccwpck_require__(4059);
const constants = __nccwpck_require__(5595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 1781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(4059);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(5595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(5595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: ./src/errors.ts
// The errors a run can end with. Each carries what was wrong, what to do, and where (the user's file
// and line when their code is the cause), so the entry points can print one clear message and
// annotate the right line without knowing which stage failed.
/**
 * Error kinds shared with the Python driver's result JSON (src/python/trt_pte/errors.py); each is a
 * row of docs/troubleshooting.md.
 */
const ERROR_KINDS = [
    "settings",
    "model_error",
    "bad_input",
    "missing_dependency",
    "gpu_missing",
    "unsupported_op",
    "export_failure",
    "tensorrt_build_failure",
    "out_of_memory",
    "accuracy",
    "verification",
    "publish",
    "regression",
    "internal",
];
class TrtPteError extends Error {
    kind;
    hint;
    location;
    constructor(kind, message, hint, location) {
        super(message);
        this.kind = kind;
        this.hint = hint;
        this.location = location;
        this.name = "TrtPteError";
    }
}
/** A setting (action input or CLI flag) has a bad value. */
class SettingsError extends TrtPteError {
    input;
    constructor(input, problem, hint) {
        super("settings", `${input}: ${problem}`, hint);
        this.input = input;
        this.name = "SettingsError";
    }
}
/**
 * Several independent problems found at once (every mistake in a trt-pte.yml, not only the first),
 * each with its own place; the entry points tell each one (src/failure.ts).
 */
class ProblemsError extends TrtPteError {
    problems;
    constructor(problems, summary, hint) {
        super("settings", summary, hint);
        this.problems = problems;
        this.name = "ProblemsError";
    }
}
/**
 * What a person reads when a run fails, in the log, the annotation and the CLI alike: the kind (the
 * row of docs/troubleshooting.md), the message, the hint on its own line; the stack only for an
 * error trt-pte did not expect.
 */
function describeError(e) {
    if (e instanceof TrtPteError) {
        const head = `${e.kind}: ${e.message}`;
        return e.hint ? `${head}\n  hint: ${e.hint}` : head;
    }
    const unexpected = "internal";
    return `${unexpected}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
}
/** A thrown value's message on one line (no hint, no stack), for text that names a cause. */
function errorMessage(e) {
    return e instanceof Error ? e.message : String(e);
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/python/trt_pte/targets/table.json
const table_namespaceObject = /*#__PURE__*/JSON.parse('{"tensorrt":{"gpu":true,"packages":{"torch":"2.12","torch_tensorrt":"2.12","tensorrt":null,"executorch":"1.2"},"delegates":["TensorRTBackend"],"fallback_delegate":"CudaBackend","tolerance":{"fp32":0.01,"fp16":0.05,"bf16":0.1},"settings":["precision","min-block-size","torch-executed-ops","require-full-compilation","optimization-level","workspace-size","hardware-compatible","truncate-double","fallback-data-dependent-ops"],"build_caches":true},"cuda":{"gpu":true,"packages":{"torch":"2.11","executorch":"1.2"},"delegates":["CudaBackend"],"fallback_delegate":null,"tolerance":{"fp32":0.01},"settings":[],"build_caches":false},"xnnpack":{"gpu":false,"packages":{"torch":"2.11","executorch":"1.2"},"delegates":[],"fallback_delegate":null,"tolerance":{"fp32":0.0001},"settings":[],"build_caches":false},"portable":{"gpu":false,"packages":{"torch":"2.11","executorch":"1.2"},"delegates":[],"fallback_delegate":null,"tolerance":{"fp32":0.0001},"settings":[],"build_caches":false}}');
;// CONCATENATED MODULE: ./src/settings/targets.ts
// One row per target: what it needs to run and what its .pte must hold. The rows live in
// src/python/trt_pte/targets/table.json, which the driver reads too (trt_pte/target_table.py) and the
// cache key hashes with the driver's sources (src/cache/key.ts driverDigest); ncc bundles it here.

const SPECS = table_namespaceObject;
/** Every target, in the table's order (action.yml's choices follow it). */
const TARGETS = Object.keys(SPECS);
/** Every package some target needs, in the table's order (the summary's Versions row shows them
 * so): the stack whose versions the cache key records, whichever target runs. */
const STACK_PACKAGES = [
    ...new Set(TARGETS.flatMap((target) => Object.keys(SPECS[target].packages))),
];
function targetSpec(target) {
    return SPECS[target];
}
function isTarget(name) {
    return Object.hasOwn(SPECS, name);
}

;// CONCATENATED MODULE: ./src/settings/inputs.ts
// Every setting of trt-pte, defined once. action.yml's `inputs:` and the CLI's flags are both
// derived from this table (test/action-yml.test.ts fails when action.yml drifts from it), so a
// setting that works in a workflow works the same on a laptop.

const tolerance = (target, precision) => targetSpec(target).tolerance[precision];
/** The `hash-files` default: Python sources and common weight formats. */
const DEFAULT_HASH_FILES = [
    "**/*.py",
    "**/*.{pt,pth,bin,safetensors,ckpt,onnx,npz,npy,h5,gguf,msgpack}",
];
const PRECISIONS = ["fp32", "fp16", "bf16"];
const INPUTS = [
    {
        name: "model",
        use: "build",
        kind: "string",
        description: "The model factory: `path/to/file.py:factory` or `package.module:factory`, relative to the workspace. " +
            "The factory returns a module, or `(module, args)` / `(module, args, kwargs)` with example inputs. " +
            "Required, unless `config` lists the models instead.",
    },
    {
        name: "config",
        use: "call",
        kind: "string",
        description: "A `trt-pte.yml` (relative to the workspace) that lists several models, each built in turn by this one call " +
            "instead of `model`: each model's own artifacts, one summary and one comment with a row per model, and the `builds` " +
            "output. Build inputs then live in the file; see docs/config.md.",
    },
    {
        name: "only",
        use: "call",
        kind: "multiline",
        description: "With `config`: build only the models of these names (commas or lines). Empty: every model in the file.",
    },
    {
        name: "inputs",
        use: "build",
        kind: "multiline",
        description: "Example input specs when the factory returns none, e.g. `float32[1,3,224,224]` or " +
            "`int64[b:1..8,128]; mask=bool[b:1..8,128]`. One spec per `;` or line; `MIN..OPT..MAX` marks a dynamic " +
            "dimension and a shared `symbol:` ties dimensions together.",
    },
    {
        name: "target",
        use: "build",
        kind: "choice",
        default: "tensorrt",
        choices: [...TARGETS],
        description: "The ExecuTorch backend: `tensorrt` (TensorRT + CUDA delegates, needs a GPU and torch_tensorrt), " +
            "`cuda` (ExecuTorch CUDA backend), `xnnpack` (CPU delegate) or `portable` (no delegate). Never changed behind your back.",
    },
    {
        name: "python",
        use: "call",
        kind: "string",
        default: "python3",
        description: "The Python interpreter that has torch, executorch (and torch_tensorrt for `tensorrt`) installed.",
    },
    {
        name: "output-dir",
        use: "call",
        kind: "string",
        default: "trt-pte-out",
        description: "Where the files are written, relative to the workspace; each model and target gets its own folder inside it " +
            "(named like the artifact), so models never overwrite each other's `.ptd`.",
    },
    {
        name: "artifact-name",
        use: "publish",
        kind: "string",
        description: "Artifact name. Default `<model>-<target>`, sanitised; use a distinct name per matrix job when one job " +
            "builds the same model for several GPUs.",
    },
    {
        name: "gpu-name",
        use: "call",
        kind: "string",
        description: "The GPU kind this build is for, e.g. `a100` (the reusable workflow sets it from each `gpus` entry). " +
            "Appended to the default artifact name, `<model>-<target>-<gpu-name>`, so one call builds the same model " +
            "for several GPUs without clashing names.",
    },
    {
        name: "precision",
        use: "build",
        kind: "choice",
        default: "fp32",
        choices: [...PRECISIONS],
        description: "TensorRT precision (target `tensorrt`): `fp32`, or `fp16`/`bf16` for lower-precision layers with the model's " +
            "inputs and outputs unchanged (through each release's autocast: `enable_autocast`, `autocast_low_precision_type`).",
    },
    {
        name: "min-block-size",
        use: "build",
        kind: "integer",
        range: [1, 1_000_000],
        description: "Fewest convertible ops in a row that become a TensorRT engine (target `tensorrt`). Empty: the release's default, 5.",
    },
    {
        name: "torch-executed-ops",
        use: "build",
        kind: "multiline",
        description: "Ops kept out of TensorRT (target `tensorrt`), as ATen overloads separated by commas or lines, e.g. " +
            "`aten.cos.default`; they go to the CUDA delegate.",
    },
    {
        name: "require-full-compilation",
        use: "build",
        kind: "boolean",
        description: "Fail unless TensorRT takes every op (target `tensorrt`). Empty: false. Cannot be combined with " +
            "`torch-executed-ops` or `fallback-data-dependent-ops`.",
    },
    {
        name: "optimization-level",
        use: "build",
        kind: "integer",
        range: [0, 5],
        description: "TensorRT builder optimization level 0-5 (target `tensorrt`): higher builds longer for possibly faster engines. Empty: TensorRT's default, 3.",
    },
    {
        name: "workspace-size",
        use: "build",
        kind: "string",
        description: "TensorRT builder workspace (target `tensorrt`), in bytes or with a unit: `1073741824`, `512MiB`, `2GiB`. Empty: TensorRT's default.",
    },
    {
        name: "hardware-compatible",
        use: "build",
        kind: "boolean",
        description: "Build engines that run on every GPU architecture from Ampere on, not only the runner's (target `tensorrt`). Empty: false.",
    },
    {
        name: "truncate-double",
        use: "build",
        kind: "boolean",
        description: "Run float64 parts of the model in float32 inside TensorRT (target `tensorrt`). Empty: false.",
    },
    {
        name: "fallback-data-dependent-ops",
        use: "build",
        kind: "boolean",
        description: "Keep ops with data-dependent output shapes (e.g. `nonzero`) out of TensorRT, which ExecuTorch needs " +
            "(target `tensorrt`; torch_tensorrt 2.13 or newer). Empty: true on 2.13 and newer unless " +
            "`require-full-compilation` is true; on 2.12 such an engine fails at save, naming the ops to list in " +
            "`torch-executed-ops`.",
    },
    {
        name: "tolerance",
        use: "build",
        kind: "string",
        description: "Largest max relative error (max |difference| / max |eager output|) against eager PyTorch before the run fails. " +
            `Empty: ${tolerance("xnnpack", "fp32")} for \`portable\`/\`xnnpack\`; for \`tensorrt\`/\`cuda\` ${tolerance("tensorrt", "fp32")} at fp32 ` +
            `(TensorRT runs fp32 layers in TF32), ${tolerance("tensorrt", "fp16")} at fp16, ${tolerance("tensorrt", "bf16")} at bf16. ` +
            "`none`: report only.",
    },
    {
        name: "runner",
        use: "call",
        kind: "string",
        description: "A runner binary that runs the `.pte` before it is published, for `tensorrt`/`cuda`: an ExecuTorch `executor_runner` " +
            "built with the CUDA and TensorRT backends (it takes `--model_path`, `--data_path`, `--inputs`, `--output_file`). " +
            "Empty: the `torch-tensorrt-executorch-runtime` wheel when installed, else torch_tensorrt's `example_executorch_runner` " +
            "(no `.ptd`, float32 inputs only), else the compiled module is checked and the report says the `.pte` itself did " +
            "not run and why.",
    },
    {
        name: "benchmark-seconds",
        use: "build",
        kind: "integer",
        default: "10",
        range: [0, 3600],
        description: "Time budget of the latency benchmark against eager PyTorch, in paired rounds (at `opt`, or at `min`/`opt`/`max` " +
            "for dynamic inputs; the base branch's `.pte` too when it can be had). " +
            "`0` turns timing off.",
    },
    {
        name: "fail-on-nondeterminism",
        use: "build",
        kind: "boolean",
        default: "false",
        description: "Fail the run when the `.pte` gives different outputs for the same input across runs; otherwise that is a warning.",
    },
    {
        name: "retention-days",
        use: "publish",
        kind: "integer",
        range: [1, 90],
        description: "Days GitHub keeps the artifact (1-90). Empty uses the repository's setting.",
        actionOnly: "GitHub keeps an artifact that long; the CLI copies it into --artifact-dir, where it stays",
    },
    {
        name: "cache",
        use: "build",
        kind: "boolean",
        default: "true",
        description: "Reuse earlier work: skip the export when a `.pte` was already built from the same files, settings and versions, " +
            "and keep TensorRT's timing cache (and the engine cache when `engine-cache` is on). `false` turns every layer off.",
    },
    {
        name: "cache-dir",
        use: "call",
        kind: "string",
        description: "A persistent folder on a self-hosted runner to keep the caches in, instead of GitHub's cache service: no upload " +
            "or download, so GB-size engines restore at disk speed. Entries are scoped like GitHub's cache (repository and ref; " +
            "a job reads its own, its base branch's and the default branch's), checked by sha256, written atomically and " +
            "evicted least recently used.",
    },
    {
        name: "cache-dir-max-size",
        use: "call",
        kind: "string",
        default: "20GiB",
        description: "Size bound of `cache-dir` (e.g. `500MiB`, `20GiB`); the least recently used entries are evicted beyond it.",
    },
    {
        name: "hash-files",
        use: "build",
        kind: "multiline",
        default: DEFAULT_HASH_FILES.join("\n"),
        description: "Globs (relative to the workspace, one per line, `!` to exclude) of the files whose content determines the model. " +
            "Default: Python sources and common weight files; `.git`, `node_modules` and virtual environments are skipped.",
    },
    {
        name: "engine-cache",
        use: "build",
        kind: "boolean",
        default: "false",
        description: "Persist Torch-TensorRT's engine cache between runs (target `tensorrt`). Engines are then built refittable " +
            "(`immutable_weights=False`), which the engine cache requires.",
    },
    {
        name: "engine-cache-max-size",
        use: "build",
        kind: "string",
        default: "5GiB",
        description: "Size bound of the engine cache, passed to Torch-TensorRT and checked before saving it.",
    },
    {
        name: "env-passthrough",
        use: "build",
        kind: "multiline",
        description: "More environment variables for the model's process, by name or `*` glob (commas or lines), e.g. `WANDB_*`. " +
            "The driver gets only an allowlist (PATH, HOME, locale, proxies, CUDA/NVIDIA, LD_LIBRARY_PATH, PYTHON*, TORCH*, " +
            "TensorRT, HF_*, ...); a credential-shaped name (`*_TOKEN`, `*_KEY`, `*_SECRET`, `*_PASSWORD`, `*_CREDENTIALS`) " +
            "or a proxy URL with a password only when named here exactly (e.g. `HF_TOKEN`); never the inputs, the token, " +
            "`ACTIONS_*` or the runner's command files (docs/security.md).",
    },
    {
        name: "compare",
        use: "build",
        kind: "boolean",
        default: "true",
        description: "Compare the build with its base branch's newest build (a pull request) or its branch's previous one (a push), in the " +
            "summary and comment, and record a push build's report as its branch's baseline. Independent of `cache`; `false` turns it off.",
    },
    {
        name: "max-size-increase",
        use: "build",
        kind: "string",
        description: "Fail when the `.pte` and its `.ptd` files together grew by more than this against the baseline: `10%` or `5MiB`. " +
            "Empty: no gate. Checked on cache hits too, after the files are published.",
    },
    {
        name: "max-latency-increase",
        use: "build",
        kind: "string",
        description: "Fail when the built program's median latency at any benchmarked shape grew by more than this with 95% confidence " +
            "(the change's interval is above it): `15%` or `2ms`; an interval that straddles it is a warning, never a pass. " +
            "Empty: no gate. See docs/comparing.md.",
    },
    {
        name: "max-tensorrt-nodes-lost",
        use: "build",
        kind: "string",
        description: "Fail when more graph nodes than this left TensorRT (target `tensorrt`): a count like `0` or `3`, or `10%`. Empty: no gate.",
    },
    {
        name: "max-error-increase",
        use: "build",
        kind: "string",
        description: "Fail when the accuracy check's max relative error grew by more than this: `50%`, or an absolute amount like `1e-4`. " +
            "Empty: no gate.",
    },
    {
        name: "upload",
        use: "publish",
        kind: "boolean",
        default: "true",
        description: "Upload the `.pte`, each `.ptd` it needs and `report.json` as artifacts of one file each, unzipped: " +
            "`<artifact-name>.pte`, `<artifact-name>--<data file>.ptd`, `<artifact-name>.report.json`.",
    },
    {
        name: "comment",
        use: "publish",
        kind: "boolean",
        default: "false",
        description: "On a pull request, keep one comment per model and target (with `config`, one for the call) with the download link, updated in place on each push " +
            "(needs `pull-requests: write`). On a fork's pull request the token is read-only: the summary says so instead; " +
            "see docs/action.md “Comments on fork pull requests”.",
        actionOnly: "the CLI has no pull request to comment on; it prints the summary and writes summary.md",
    },
    {
        name: "github-token",
        use: "publish",
        kind: "string",
        default: "${{ github.token }}",
        description: "Token for the pull-request comment. Never printed.",
        actionOnly: "it is the token of the pull-request comment, which only the action writes",
    },
];
const OUTPUTS = [
    { name: "pte", description: "Absolute path of the written `.pte`." },
    {
        name: "ptd",
        description: "Absolute paths of the `.ptd` files the `.pte` needs, one per line (empty when none).",
    },
    { name: "report", description: "Absolute path of `report.json`." },
    { name: "artifact-id", description: "ID of the `.pte`'s artifact (empty when `upload` is false)." },
    {
        name: "artifact-url",
        description: "Link that downloads the `.pte` itself, for signed-in users (empty when `upload` is false).",
    },
    {
        name: "artifact-files",
        description: 'Every artifact this build uploaded, as JSON: `[{"name","file","id","url","digest"}]`, the `.pte` last; `name` is ' +
            "the file's name once downloaded, `file` its name in the output folder (`[]` when `upload` is false).",
    },
    { name: "digest", description: "sha256 of the `.pte`, as `sha256:<hex>`." },
    {
        name: "cache-hit",
        description: "`true` when the `.pte` came from the cache and no export ran, else `false`.",
    },
    {
        name: "pte-ran",
        description: "`true` when the `.pte` itself ran (with its `.ptd` files) before it was published; `false` when only the compiled " +
            "module could be checked. On a cache hit: what the run that built it measured.",
    },
    {
        name: "speedup",
        description: "Eager / built latency at `opt` over paired rounds (e.g. `4.6`; report.json has its 95% interval); empty when " +
            "timing was off or nothing in process ran it.",
    },
    {
        name: "gates",
        description: 'The regression gates\' verdicts as JSON: `[{"gate","input","limit","state":"pass|fail|skipped","detail"}]` ' +
            "(`[]` when no gate is set).",
    },
    {
        name: "artifact-digest",
        description: "sha256 of the `.pte`'s artifact as the artifact service recorded it: the `.pte`'s own sha256, as it is uploaded " +
            "unzipped (empty when not uploaded).",
    },
    {
        name: "builds",
        description: 'One entry per model, as JSON: `[{"name","target","outcome":"success|failure","artifact-name","artifact-id",' +
            '"artifact-url","digest","speedup","cache-hit"}]` (the artifact id and url are the `.pte`\'s). With `config` every ' +
            "model of the call; with `model` the one. " +
            "With `config`, the other outputs are set only when the call builds exactly one model.",
    },
];
/** The inputs a `trt-pte.yml` may set (its `defaults:` and each model's entry). */
const BUILD_INPUTS = INPUTS.filter((i) => i.use === "build");
function inputDefinition(name) {
    const found = INPUTS.find((i) => i.name === name);
    if (found === undefined)
        throw new Error(`no input named '${name}'`);
    return found;
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_namespaceObject);
;// CONCATENATED MODULE: ./src/pte/byte-source.ts
// Random access to a file's bytes without reading the whole file: a .pte can hold gigabytes of
// engine segments, and the reader needs only its header, its flatbuffer and the first bytes of each
// delegate payload. Reads go through a small page cache, so walking a flatbuffer field by field
// costs a handful of system calls, and memory stays bounded whatever the file size.

const PAGE_BYTES = 64 * 1024;
const MAX_PAGES = 64;
/** A file read through a descriptor, 64 KiB pages, at most 4 MiB cached. */
class FileSource {
    name;
    stats = { reads: 0, bytes: 0 };
    size;
    pages = new Map();
    fd;
    constructor(name) {
        this.name = name;
        this.fd = external_node_fs_default().openSync(name, "r");
        try {
            this.size = external_node_fs_default().fstatSync(this.fd).size;
        }
        catch (e) {
            external_node_fs_default().closeSync(this.fd);
            throw e;
        }
    }
    read(pos, length) {
        const first = Math.floor(pos / PAGE_BYTES);
        const last = Math.floor((pos + Math.max(length, 1) - 1) / PAGE_BYTES);
        if (first === last) {
            const page = this.page(first);
            const at = pos - first * PAGE_BYTES;
            return page.subarray(at, at + length);
        }
        // A range across pages is copied out; callers bound such lengths (strings, payload heads).
        const out = Buffer.allocUnsafe(length);
        this.readInto(out, pos);
        return out;
    }
    page(index) {
        const cached = this.pages.get(index);
        if (cached !== undefined) {
            // Refresh its place in the LRU order.
            this.pages.delete(index);
            this.pages.set(index, cached);
            return cached;
        }
        const start = index * PAGE_BYTES;
        const page = Buffer.allocUnsafe(Math.min(PAGE_BYTES, this.size - start));
        this.readInto(page, start);
        if (this.pages.size >= MAX_PAGES) {
            const oldest = this.pages.keys().next().value;
            this.pages.delete(oldest);
        }
        this.pages.set(index, page);
        return page;
    }
    readInto(target, pos) {
        if (this.fd === null)
            throw new Error(`${this.name} is closed`);
        let done = 0;
        while (done < target.length) {
            const n = external_node_fs_default().readSync(this.fd, target, done, target.length - done, pos + done);
            this.stats.reads++;
            this.stats.bytes += n;
            // The file shrank under us; the zeros left in place are caught by the structure checks.
            if (n === 0) {
                target.fill(0, done);
                return;
            }
            done += n;
        }
    }
    close() {
        if (this.fd !== null)
            external_node_fs_default().closeSync(this.fd);
        this.fd = null;
        this.pages.clear();
    }
}
/** Bytes already in memory (tests, fuzzing). */
class BufferSource {
    data;
    name;
    stats = { reads: 0, bytes: 0 };
    size;
    constructor(data, name = "<buffer>") {
        this.data = data;
        this.name = name;
        this.size = data.length;
    }
    read(pos, length) {
        this.stats.reads++;
        this.stats.bytes += length;
        return Buffer.from(this.data.buffer, this.data.byteOffset + pos, length);
    }
    close() { }
}

;// CONCATENATED MODULE: ./src/pte/payload-head.ts
// Shared helpers for delegate payload decoders: they see the payload as a Span and read only its
// first bytes (a header, metadata), never the engine or blob behind them.
function headHex(payload, bytes = 32) {
    return payload.bytes(payload.start, Math.min(bytes, payload.length), "payload head").toString("hex");
}
/** Printable UTF-8 (no control characters but tab/newline), or null. */
function printableText(bytes) {
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    if (text.includes("\uFFFD"))
        return null;
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u0008\u000B-\u001F\u007F]/.test(text) ? null : text;
}

;// CONCATENATED MODULE: ./src/pte/cuda-payload.ts
// The payload of a `CudaBackend` delegate (executorch's AOTInductor CUDA backend) names the
// named-data entries that hold its compiled shared object and its weights. Layouts by executorch
// release (read from each release's CUDA backend; test/python/generate_pte_fixtures.py writes
// every one):
//   - 1.2 / 1.3: empty; the entries are `{method}_so_blob` and `{method}_weights_blob`, the method
//     taken from the `method_name` compile spec.
//   - 1.4: the text `<sha256>_so_blob\n<sha256>_weights_blob`.
//   - 1.5: `ETCUDAFQN3`, u32 length + so-blob key, u32 entry count, then per weight: u32 length +
//     fqn, u32 length + storage key, `<QiiqI` (nbytes, dtype, device type, storage offset, ndim),
//     ndim i64 sizes, ndim i64 strides.
// The decoder returns the keys; the inspector finds them in the .pte's named data or a .ptd.

const FQN3_MAGIC = "ETCUDAFQN3";
/** The 1.4 key text is two sha256-named keys; anything much longer is not that layout. */
const MAX_KEY_TEXT_BYTES = 64 * 1024;
const MAX_KEY_BYTES = 4096;
const MAX_NDIM = 64;
/** u32 fqn length + u32 key length + `<QiiqI`. */
const MIN_ENTRY_BYTES = 4 + 4 + 28;
function decodeCudaPayload(payload, methodName) {
    if (payload.length === 0) {
        const keys = methodName === null
            ? []
            : [
                { key: `${methodName}_so_blob`, role: "so_blob" },
                { key: `${methodName}_weights_blob`, role: "weights_blob" },
            ];
        return { format: "cuda", layout: "method-name", keys, weights: null };
    }
    if (payload.length >= FQN3_MAGIC.length) {
        const magic = payload
            .bytes(payload.start, FQN3_MAGIC.length, "CudaBackend payload magic")
            .toString("latin1");
        if (magic === FQN3_MAGIC)
            return decodeFqn3(payload);
    }
    if (payload.length <= MAX_KEY_TEXT_BYTES) {
        const text = printableText(payload.bytes(payload.start, payload.length, "CudaBackend payload"));
        const lines = text?.split("\n") ?? [];
        if (lines.length > 0 && lines.every((l) => l !== "" && !/\s/.test(l))) {
            return {
                format: "cuda",
                layout: "keys",
                keys: lines.map((key) => ({ key, role: roleOf(key) })),
                weights: null,
            };
        }
    }
    return {
        format: "unrecognised",
        reason: "unrecognised CudaBackend payload layout: not empty, not ETCUDAFQN3, not a list of named-data keys",
        head_hex: headHex(payload),
    };
}
function roleOf(key) {
    if (key.endsWith("_so_blob"))
        return "so_blob";
    if (key.endsWith("_weights_blob"))
        return "weights_blob";
    return "other";
}
function decodeFqn3(payload) {
    let pos = payload.start + FQN3_MAGIC.length;
    const text = (what) => {
        const length = payload.u32(pos, `${what} length`);
        if (length > MAX_KEY_BYTES)
            payload.fail(pos, what, `length ${length} is longer than any key (${MAX_KEY_BYTES})`);
        const value = payload.bytes(pos + 4, length, what).toString("utf8");
        pos += 4 + length;
        return value;
    };
    const soKey = text("ETCUDAFQN3 so_blob key");
    const count = payload.u32(pos, "ETCUDAFQN3 entry count");
    if (count * MIN_ENTRY_BYTES > payload.end - pos - 4) {
        payload.fail(pos, "ETCUDAFQN3 entry count", `${count} entries cannot fit in the ${payload.end - pos - 4} bytes left`);
    }
    pos += 4;
    const keys = [{ key: soKey, role: "so_blob" }];
    const seen = new Set();
    for (let i = 0; i < count; i++) {
        text(`ETCUDAFQN3 entry ${i} fqn`);
        const storageKey = text(`ETCUDAFQN3 entry ${i} storage key`);
        const ndim = payload.u32(pos + 24, `ETCUDAFQN3 entry ${i} ndim`);
        if (ndim > MAX_NDIM)
            payload.fail(pos + 24, `ETCUDAFQN3 entry ${i} ndim`, `${ndim} dimensions is more than ${MAX_NDIM}`);
        pos += 28 + 16 * ndim;
        payload.check(payload.start, pos - payload.start, `ETCUDAFQN3 entry ${i} sizes and strides`);
        if (!seen.has(storageKey)) {
            seen.add(storageKey);
            keys.push({ key: storageKey, role: "weight" });
        }
    }
    return { format: "cuda", layout: "fqn3", keys, weights: count };
}

;// CONCATENATED MODULE: ./src/pte/inspection.ts
// The inspection of a .pte (and the .ptd files beside it): one stable, versioned JSON document.
// `trt-pte inspect --json` prints it, report.json carries it as `inspection`, and the tree, the job
// summary and the verification all read it. docs/inspecting.md documents every field.
// Keys are snake_case like the rest of report.json. Byte offsets and sizes are JSON numbers (exact:
// a file cannot exceed 2^53 bytes). A change that removes or retypes a field bumps the version.
const INSPECTION_SCHEMA = "trt-pte/inspection@1";

;// CONCATENATED MODULE: ./src/pte/flatbuffer.ts
// Flatbuffer tables, vectors, strings and unions over a bounds-checked Span, read lazily field by
// field. Written from the flatbuffers binary format (little-endian): a table starts with an i32
// back-offset to its vtable; the vtable holds u16 vtable size, u16 table size, then one u16 field
// offset per slot (0 = absent, default value). Strings, vectors and sub-tables are u32 forward
// offsets from the field; vectors and strings begin with a u32 element count.
//
// Forward offsets cannot form cycles, but a hostile file can point many vector elements at one
// shared subtable and multiply the work. Every table and element visited (and every string, by its
// length) is therefore charged to a budget proportional to the region size, which a file written by
// a real serializer never reaches.
/** Longest string the reader accepts: names, keys and ids, never bulk data. */
const MAX_STRING_BYTES = 1024 * 1024;
class Flatbuffer {
    span;
    work = 0;
    budget;
    constructor(span) {
        this.span = span;
        this.budget = span.length + 65_536;
    }
    /** The root table, whose u32 offset is at the start of the span. */
    root(path) {
        const at = this.span.start;
        return new Table(this, at + this.span.u32(at, `${path} (root table offset)`), path);
    }
    /** Counts a table or element visit (cost 1), or a string by its length, against the budget. */
    charge(pos, what, cost = 1) {
        this.work += cost;
        if (this.work > this.budget) {
            this.span.fail(pos, what, `the ${this.span.label} references more structure than its ${this.span.length} bytes can hold (shared or overlapping tables)`);
        }
    }
    /** Follows the u32 forward offset stored at `pos`; the target must lie inside the span. */
    deref(pos, what) {
        const target = pos + this.span.u32(pos, what);
        if (target >= this.span.end) {
            this.span.fail(pos, what, `offset points to byte ${target}, past the end of the ${this.span.label} (byte ${this.span.end})`);
        }
        return target;
    }
}
class Table {
    fb;
    pos;
    path;
    vtable;
    vtableSize;
    tableSize;
    constructor(fb, pos, path) {
        this.fb = fb;
        this.pos = pos;
        this.path = path;
        const span = fb.span;
        fb.charge(pos, path);
        const vtable = pos - span.i32(pos, `${path} (vtable offset)`);
        if (vtable < span.start || vtable + 4 > span.end) {
            span.fail(pos, `${path} (vtable offset)`, `the vtable would be at byte ${vtable}, outside the ${span.label} (bytes ${span.start}..${span.end})`);
        }
        this.vtableSize = span.u16(vtable, `${path} (vtable size)`);
        this.tableSize = span.u16(vtable + 2, `${path} (table size)`);
        if (this.vtableSize < 4 || this.vtableSize % 2 !== 0) {
            span.fail(vtable, `${path} (vtable)`, `vtable size ${this.vtableSize} is not an even number >= 4`);
        }
        span.check(vtable, this.vtableSize, `${path} (vtable)`);
        if (this.tableSize < 4)
            span.fail(vtable + 2, `${path} (vtable)`, `table size ${this.tableSize} is below 4`);
        span.check(pos, this.tableSize, path);
        this.vtable = vtable;
    }
    /** Absolute position of a field's inline value, or 0 when the field is absent. */
    field(slot, width, name) {
        const entry = 4 + 2 * slot;
        if (entry + 2 > this.vtableSize)
            return 0;
        const offset = this.fb.span.u16(this.vtable + entry, `${this.path}.${name} (vtable entry)`);
        if (offset === 0)
            return 0;
        if (offset + width > this.tableSize) {
            this.fb.span.fail(this.pos + offset, `${this.path}.${name}`, `field at table offset ${offset} (${width} bytes) runs past the table's ${this.tableSize} bytes`);
        }
        return this.pos + offset;
    }
    has(slot) {
        return this.field(slot, 0, `slot ${slot}`) !== 0;
    }
    u8(slot, name, fallback = 0) {
        const at = this.field(slot, 1, name);
        return at === 0 ? fallback : this.fb.span.u8(at, `${this.path}.${name}`);
    }
    i8(slot, name, fallback = 0) {
        const at = this.field(slot, 1, name);
        return at === 0 ? fallback : this.fb.span.i8(at, `${this.path}.${name}`);
    }
    bool(slot, name) {
        return this.u8(slot, name) !== 0;
    }
    u32(slot, name, fallback = 0) {
        const at = this.field(slot, 4, name);
        return at === 0 ? fallback : this.fb.span.u32(at, `${this.path}.${name}`);
    }
    i32(slot, name, fallback = 0) {
        const at = this.field(slot, 4, name);
        return at === 0 ? fallback : this.fb.span.i32(at, `${this.path}.${name}`);
    }
    u64(slot, name) {
        const at = this.field(slot, 8, name);
        return at === 0 ? 0n : this.fb.span.u64(at, `${this.path}.${name}`);
    }
    i64(slot, name) {
        const at = this.field(slot, 8, name);
        return at === 0 ? 0n : this.fb.span.i64(at, `${this.path}.${name}`);
    }
    /** Position of the u64 field's bytes (for tools that patch a file in place), or 0 when absent. */
    u64Position(slot, name) {
        return this.field(slot, 8, name);
    }
    string(slot, name) {
        const at = this.field(slot, 4, name);
        return at === 0
            ? null
            : readString(this.fb, this.fb.deref(at, `${this.path}.${name}`), `${this.path}.${name}`);
    }
    table(slot, name) {
        const at = this.field(slot, 4, name);
        if (at === 0)
            return null;
        const path = `${this.path}.${name}`;
        return new Table(this.fb, this.fb.deref(at, path), path);
    }
    vector(slot, name, elementBytes) {
        const at = this.field(slot, 4, name);
        if (at === 0)
            return null;
        const path = `${this.path}.${name}`;
        return new Vector(this.fb, this.fb.deref(at, path), elementBytes, path);
    }
    /** A union: its type tag (slot) and its value table (slot + 1); tag 0 means NONE. */
    union(slot, name) {
        const type = this.u8(slot, `${name}_type`);
        return { type, value: type === 0 ? null : this.table(slot + 1, name) };
    }
}
class Vector {
    fb;
    elementBytes;
    path;
    length;
    /** Position of the first element. */
    data;
    constructor(fb, pos, elementBytes, path) {
        this.fb = fb;
        this.elementBytes = elementBytes;
        this.path = path;
        const span = fb.span;
        this.length = span.u32(pos, `${path} (length)`);
        this.data = pos + 4;
        // The length is checked against the bytes that remain before anything is sized by it.
        if (this.length * elementBytes > span.end - this.data) {
            span.fail(pos, path, `vector of ${this.length} × ${elementBytes}-byte elements runs past the end of the ${span.label} (byte ${span.end})`);
        }
    }
    at(i, what) {
        const pos = this.data + i * this.elementBytes;
        this.fb.charge(pos, what);
        return pos;
    }
    table(i) {
        const what = `${this.path}[${i}]`;
        return new Table(this.fb, this.fb.deref(this.at(i, what), what), what);
    }
    string(i) {
        const what = `${this.path}[${i}]`;
        return readString(this.fb, this.fb.deref(this.at(i, what), what), what);
    }
    i32(i) {
        const what = `${this.path}[${i}]`;
        return this.fb.span.i32(this.at(i, what), what);
    }
    u64(i) {
        const what = `${this.path}[${i}]`;
        return this.fb.span.u64(this.at(i, what), what);
    }
    i64(i) {
        const what = `${this.path}[${i}]`;
        return this.fb.span.i64(this.at(i, what), what);
    }
    u8(i) {
        const what = `${this.path}[${i}]`;
        return this.fb.span.u8(this.at(i, what), what);
    }
    /** The first `max` bytes of a byte vector (all of it when shorter). */
    head(max) {
        const n = Math.min(this.length, max);
        this.fb.charge(this.data, this.path);
        return Buffer.from(this.fb.span.bytes(this.data, n, this.path));
    }
    /** Every element of an int vector, as numbers. */
    i32s() {
        const out = [];
        for (let i = 0; i < this.length; i++)
            out.push(this.i32(i));
        return out;
    }
}
/** The tables of a vector of tables (none when the vector is absent). */
function tableList(vector) {
    const out = [];
    for (let i = 0; vector !== null && i < vector.length; i++)
        out.push(vector.table(i));
    return out;
}
/** The elements of a ubyte vector (none when absent). */
function byteList(vector) {
    const out = [];
    for (let i = 0; vector !== null && i < vector.length; i++)
        out.push(vector.u8(i));
    return out;
}
function readString(fb, pos, what) {
    const span = fb.span;
    const length = span.u32(pos, `${what} (string length)`);
    // Charged by length, so a string shared by many elements cannot multiply the bytes decoded.
    fb.charge(pos, what, 1 + Math.ceil(length / 16));
    if (length > MAX_STRING_BYTES) {
        span.fail(pos, what, `string length ${length} is longer than any ExecuTorch name or key (at most ${MAX_STRING_BYTES})`);
    }
    return span.bytes(pos + 4, length, what).toString("utf8");
}

;// CONCATENATED MODULE: ./src/pte/program.ts
// The ExecuTorch program schema (namespace executorch_flatbuffer, file identifier ET12, ExecuTorch's
// schema/program.fbs), walked by slot: the slots of each table in declaration order, a union taking
// two slots (type tag, value). test/pte/oracle.test.ts holds every field read here against
// executorch's own deserializer, on files the real package writes. Only what an inspection needs
// is read: counts, names, ids, indices and sizes. Bulk data (constant buffers, inline delegate blobs) is located, not read.

/** Union tags of EValue.val (KernelTypes), 1-based as flatbuffers numbers them; 0 is NONE. */
const VALUE_KINDS = [
    "None",
    "Null",
    "Int",
    "Bool",
    "Double",
    "Tensor",
    "String",
    "IntList",
    "DoubleList",
    "BoolList",
    "TensorList",
    "OptionalTensorList",
];
/** Union tags of Instruction.instr_args (InstructionArguments). */
const INSTRUCTION_KINDS = [
    "None",
    "KernelCall",
    "DelegateCall",
    "MoveCall",
    "JumpFalseCall",
    "FreeCall",
];
const KERNEL_CALL = 1;
const DELEGATE_CALL = 2;
const TENSOR = 5;
/** TensorDataLocation.EXTERNAL: the tensor's bytes live in a .ptd, under its fully qualified name. */
const EXTERNAL = 1;
/** How much of a compile spec value is kept for display; the full length is always reported. */
const COMPILE_SPEC_HEAD = 256;
/**
 * Walks the program flatbuffer in `span` (file offset 0 up to the program size). Offsets and sizes
 * stored as u64 must not exceed `fileSize`.
 */
function readProgram(span, fileSize) {
    const fb = new Flatbuffer(span);
    const program = fb.root("Program");
    const limit = (value, at, what) => {
        if (value > BigInt(fileSize))
            span.fail(at.pos, `${at.path}.${what}`, `${value} is larger than the file (${fileSize} bytes)`);
        return Number(value);
    };
    const segments = tableList(program.vector(4, "segments", 4)).map((s) => ({
        offset: limit(s.u64(0, "offset"), s, "offset"),
        size: limit(s.u64(1, "size"), s, "size"),
        at: s.pos,
    }));
    const inlineData = tableList(program.vector(3, "backend_delegate_data", 4)).map((d) => {
        const data = d.vector(0, "data", 1);
        return data === null ? { offset: 0, size: 0 } : { offset: data.data, size: data.length };
    });
    const constantBuffers = tableList(program.vector(2, "constant_buffer", 4));
    const counts = { segments: segments.length, inline: inlineData.length };
    const plans = tableList(program.vector(1, "execution_plan", 4)).map((p) => readPlan(p, counts));
    const namedData = tableList(program.vector(7, "named_data", 4)).map((n) => {
        const key = n.string(0, "key") ?? "";
        const segmentIndex = n.u32(1, "segment_index");
        if (segmentIndex >= segments.length) {
            span.fail(n.pos, `${n.path}.segment_index`, `segment ${segmentIndex} of named data '${key}' does not exist (${segments.length} segments)`);
        }
        return { key, segmentIndex };
    });
    const subsegments = (t) => {
        const segmentIndex = t.u32(0, "segment_index");
        const offsets = t.vector(1, "offsets", 8);
        const list = [];
        for (let i = 0; offsets !== null && i < offsets.length; i++)
            list.push(limit(offsets.u64(i), t, `offsets[${i}]`));
        if (list.length > 0 && segmentIndex >= segments.length) {
            span.fail(t.pos, `${t.path}.segment_index`, `segment ${segmentIndex} does not exist (${segments.length} segments)`);
        }
        return { segmentIndex, offsets: list };
    };
    const constantSegment = program.table(5, "constant_segment");
    return {
        version: program.u32(0, "version"),
        plans,
        segments,
        constantSegment: constantSegment === null ? null : subsegments(constantSegment),
        mutableDataSegments: tableList(program.vector(6, "mutable_data_segments", 4)).map(subsegments),
        namedData,
        inlineDelegateData: inlineData,
        constantBuffers: {
            count: constantBuffers.length,
            bytes: constantBuffers.reduce((sum, b) => sum + (b.vector(0, "storage", 1)?.length ?? 0), 0),
        },
    };
}
function readPlan(plan, counts) {
    const span = plan.fb.span;
    const name = plan.string(0, "name") ?? "";
    const values = plan.vector(2, "values", 4);
    const valueCount = values?.length ?? 0;
    const valueKinds = {};
    const externalTensors = [];
    const tensorAt = new Map();
    const kindAt = [];
    for (let i = 0; values !== null && i < values.length; i++) {
        const { type, value } = values.table(i).union(0, "val");
        const kind = VALUE_KINDS[type] ?? `unknown(${type})`;
        valueKinds[kind] = (valueKinds[kind] ?? 0) + 1;
        kindAt.push(kind);
        if (type !== TENSOR || value === null)
            continue;
        tensorAt.set(i, value);
        const extra = value.table(9, "extra_tensor_info");
        if (extra !== null && extra.u8(2, "location") === EXTERNAL) {
            externalTensors.push({ value: i, fqn: extra.string(1, "fully_qualified_name") ?? "" });
        }
    }
    const indices = (slot, field) => {
        const list = plan.vector(slot, field, 4)?.i32s() ?? [];
        list.forEach((v, i) => {
            if (v < 0 || v >= valueCount)
                span.fail(plan.pos, `${plan.path}.${field}[${i}]`, `value index ${v} is outside the plan's ${valueCount} values`);
        });
        return list;
    };
    const inputs = indices(3, "inputs");
    const outputs = indices(4, "outputs");
    const tensorMeta = (index) => {
        const tensor = tensorAt.get(index);
        if (tensor === undefined)
            return null;
        return {
            scalarType: tensor.i8(0, "scalar_type"),
            sizes: tensor.vector(2, "sizes", 4)?.i32s() ?? [],
            dynamism: tensor.i8(8, "shape_dynamism"),
        };
    };
    const operators = tableList(plan.vector(6, "operators", 4)).map((op) => ({
        name: op.string(0, "name") ?? "",
        overload: op.string(1, "overload") ?? "",
        calls: 0,
    }));
    const delegates = tableList(plan.vector(7, "delegates", 4)).map((d) => readDelegate(d, counts));
    const instructions = {};
    const calls = [];
    const chains = tableList(plan.vector(5, "chains", 4));
    for (const chain of chains) {
        for (const instruction of tableList(chain.vector(2, "instructions", 4))) {
            const { type, value } = instruction.union(0, "instr_args");
            const kind = INSTRUCTION_KINDS[type] ?? `unknown(${type})`;
            instructions[kind] = (instructions[kind] ?? 0) + 1;
            if (value === null)
                continue;
            if (type === KERNEL_CALL) {
                const index = value.i32(0, "op_index");
                const op = operators[index];
                if (op === undefined)
                    span.fail(value.pos, `${value.path}.op_index`, `operator ${index} does not exist (${operators.length} operators)`);
                op.calls++;
                calls.push({ type: "kernel", index });
            }
            else if (type === DELEGATE_CALL) {
                const index = value.i32(0, "delegate_index");
                const delegate = delegates[index];
                if (delegate === undefined)
                    span.fail(value.pos, `${value.path}.delegate_index`, `delegate ${index} does not exist (${delegates.length} delegates)`);
                delegate.calls++;
                calls.push({ type: "delegate", index });
            }
        }
    }
    const bufferSizes = plan.vector(8, "non_const_buffer_sizes", 8);
    const nonConstBufferSizes = [];
    for (let i = 0; bufferSizes !== null && i < bufferSizes.length; i++) {
        const size = bufferSizes.i64(i);
        if (size < 0n || size > BigInt(Number.MAX_SAFE_INTEGER)) {
            span.fail(bufferSizes.data + 8 * i, `${bufferSizes.path}[${i}]`, `memory plan buffer size ${size} is not a plausible size`);
        }
        nonConstBufferSizes.push(Number(size));
    }
    return {
        name,
        inputs,
        outputs,
        inputKinds: inputs.map((i) => kindAt[i] ?? "None"),
        outputKinds: outputs.map((i) => kindAt[i] ?? "None"),
        inputTensors: inputs.map(tensorMeta),
        outputTensors: outputs.map(tensorMeta),
        values: valueCount,
        valueKinds,
        chains: chains.length,
        instructions,
        operators,
        delegates,
        calls,
        externalTensors,
        nonConstBufferSizes,
    };
}
function readDelegate(delegate, counts) {
    const span = delegate.fb.span;
    const id = delegate.string(0, "id") ?? "";
    const processed = delegate.table(1, "processed");
    if (processed === null)
        span.fail(delegate.pos, `${delegate.path}.processed`, `delegate '${id}' has no processed data reference`);
    const locationTag = processed.u8(0, "location");
    const index = processed.u32(1, "index");
    if (locationTag > 1)
        span.fail(processed.pos, `${processed.path}.location`, `unknown data location ${locationTag} (expected 0 INLINE or 1 SEGMENT)`);
    const location = locationTag === 0 ? "inline" : "segment";
    const available = location === "inline" ? counts.inline : counts.segments;
    if (index >= available) {
        span.fail(processed.pos, `${processed.path}.index`, `delegate '${id}' points at ${location === "inline" ? "backend_delegate_data" : "segment"} ${index}, but there are ${available}`);
    }
    const compileSpecs = tableList(delegate.vector(2, "compile_specs", 4)).map((spec) => {
        const value = spec.vector(1, "value", 1);
        return {
            key: spec.string(0, "key") ?? "",
            bytes: value?.length ?? 0,
            head: value === null ? Buffer.alloc(0) : value.head(COMPILE_SPEC_HEAD),
        };
    });
    return { id, location, index, calls: 0, compileSpecs };
}

;// CONCATENATED MODULE: ./src/pte/format-error.ts
// The one error the .pte/.ptd reader throws for a file that is not what it claims to be: truncated,
// corrupted, or not ExecuTorch at all. It names the file, the byte offset and the structure being
// read, so a person can open a hex dump at the right place.

class PteFormatError extends TrtPteError {
    file;
    offset;
    structure;
    problem;
    constructor(
    /** The file being read (as given to the reader). */
    file, 
    /** Absolute byte offset in the file where the bad structure is (or begins). */
    offset, 
    /** What was being read, e.g. `execution_plan[0].operators[3].name`. */
    structure, 
    /** What is wrong there. */
    problem) {
        super("verification", `${file}: at byte ${offset} (${structure}): ${problem}`, "the file is truncated, corrupted, or not an ExecuTorch .pte/.ptd; re-export it, and check that it was copied whole");
        this.file = file;
        this.offset = offset;
        this.structure = structure;
        this.problem = problem;
        this.name = "PteFormatError";
    }
}

;// CONCATENATED MODULE: ./src/pte/span.ts
// A bounds-checked window [start, end) of a byte source. Every read names the structure it is for,
// so a bad offset or length becomes a PteFormatError at that byte rather than a RangeError deep
// inside, and no length from the file is trusted before it has been checked against the window.

class Span {
    source;
    start;
    end;
    label;
    constructor(source, start, end, 
    /** What the window is, for errors: "flatbuffer", "TensorRTBackend payload", ... */
    label) {
        this.source = source;
        this.start = start;
        this.end = end;
        this.label = label;
    }
    get length() {
        return this.end - this.start;
    }
    fail(pos, what, problem) {
        // Callers name the byte that holds the bad value; a computed position outside the file is
        // reported at the nearest end of the window, and the problem text carries the raw value.
        const at = Number.isSafeInteger(pos) ? Math.min(Math.max(pos, this.start), this.source.size) : this.start;
        throw new PteFormatError(this.source.name, at, what, problem);
    }
    /** Throws unless [pos, pos + length) lies inside the window. */
    check(pos, length, what) {
        if (!Number.isSafeInteger(pos) || !Number.isSafeInteger(length) || length < 0) {
            this.fail(pos, what, `offset ${pos} or length ${length} is not a valid position`);
        }
        if (pos < this.start || pos + length > this.end) {
            this.fail(pos, what, `${length} byte${length === 1 ? "" : "s"} at byte ${pos} lie outside the ${this.label} (bytes ${this.start}..${this.end})`);
        }
    }
    bytes(pos, length, what) {
        this.check(pos, length, what);
        return this.source.read(pos, length);
    }
    u8(pos, what) {
        return this.bytes(pos, 1, what).readUInt8(0);
    }
    i8(pos, what) {
        return this.bytes(pos, 1, what).readInt8(0);
    }
    u16(pos, what) {
        return this.bytes(pos, 2, what).readUInt16LE(0);
    }
    u32(pos, what) {
        return this.bytes(pos, 4, what).readUInt32LE(0);
    }
    i32(pos, what) {
        return this.bytes(pos, 4, what).readInt32LE(0);
    }
    u64(pos, what) {
        return this.bytes(pos, 8, what).readBigUInt64LE(0);
    }
    i64(pos, what) {
        return this.bytes(pos, 8, what).readBigInt64LE(0);
    }
    f64(pos, what) {
        return this.bytes(pos, 8, what).readDoubleLE(0);
    }
    /**
     * A u64 offset or size, as a JS number. It must not exceed `max` (the file size, at most): beyond
     * that it cannot describe anything in the file, and beyond 2^53 it would lose precision.
     */
    u64AsSize(pos, what, max) {
        const value = this.u64(pos, what);
        if (value > BigInt(max))
            this.fail(pos, what, `${value} is larger than ${max}, the most it could be here`);
        return Number(value);
    }
    /** A narrower window inside this one. */
    sub(pos, length, label, what) {
        this.check(pos, length, what);
        return new Span(this.source, pos, pos + length, label);
    }
}

;// CONCATENATED MODULE: ./src/pte/pte-header.ts
// The first bytes of a .pte: u32 root-table offset, the file identifier `ET12`, and (when the file
// has segments) the extended header `eh00` right after it, which says where the program flatbuffer
// ends and the segments begin. Everything else is found from here without reading the segments.

const PTE_IDENTIFIER = "ET12";
const EXTENDED_MAGIC = "eh00";
/** magic, length, program_size, segment_base_offset; segment_data_size follows when length > 24. */
const EXTENDED_MIN_LENGTH = 24;
function readPteHeader(source) {
    const file = new Span(source, 0, source.size, "file");
    if (source.size < 8)
        file.fail(0, "file header", `the file has ${source.size} bytes; an ExecuTorch program has at least 8`);
    const identifier = file.bytes(4, 4, "file identifier").toString("latin1");
    if (identifier !== PTE_IDENTIFIER) {
        file.fail(4, "file identifier", /^ET[0-9A-Za-z]{2}$/.test(identifier)
            ? `ExecuTorch program format '${identifier}' is not one this reader knows (it reads ${PTE_IDENTIFIER})`
            : `expected the ExecuTorch identifier '${PTE_IDENTIFIER}' at bytes 4..7, found ${JSON.stringify(identifier)}: not a .pte file`);
    }
    const extended = readExtendedHeader(file);
    if (extended === null)
        return { identifier, extended, programSize: source.size };
    return { identifier, extended, programSize: extended.programSize };
}
function readExtendedHeader(file) {
    // Like executorch, treat the header as absent unless its magic is there: a program without
    // segments has flatbuffer data at byte 8.
    if (file.source.size < 8 + EXTENDED_MIN_LENGTH)
        return null;
    if (file.bytes(8, 4, "extended header magic").toString("latin1") !== EXTENDED_MAGIC)
        return null;
    const length = file.u32(12, "extended header length");
    if (length < EXTENDED_MIN_LENGTH)
        file.fail(12, "extended header length", `${length} is below the minimum of ${EXTENDED_MIN_LENGTH}`);
    const size = file.source.size;
    const programSize = file.u64AsSize(16, "extended header program_size", size);
    const segmentBaseOffset = file.u64AsSize(24, "extended header segment_base_offset", size);
    const segmentDataSize = length > EXTENDED_MIN_LENGTH ? file.u64AsSize(32, "extended header segment_data_size", size) : 0;
    if (programSize < 8 + length) {
        file.fail(16, "extended header program_size", `${programSize} does not even cover the headers (${8 + length} bytes)`);
    }
    if (segmentBaseOffset !== 0 && segmentBaseOffset < programSize) {
        file.fail(24, "extended header segment_base_offset", `segments begin at ${segmentBaseOffset}, inside the program (which ends at ${programSize})`);
    }
    if (segmentBaseOffset + segmentDataSize > size) {
        file.fail(32, "extended header segment_data_size", `segment data ${segmentDataSize} bytes from byte ${segmentBaseOffset} run past the end of the file (${size} bytes): the file is truncated`);
    }
    return { length, programSize, segmentBaseOffset, segmentDataSize };
}

;// CONCATENATED MODULE: ./src/pte/ptd.ts
// A .ptd (ExecuTorch external tensor data, "flat tensor"): identifier `FT01` at bytes 4..7, the
// header `FH01` at byte 8 (u32 length >= 40, u64 flatbuffer_offset, flatbuffer_size,
// segment_base_offset, segment_data_size), and a FlatTensor flatbuffer rooted at byte 0:
// { version: u32, segments: [DataSegment{offset: u64, size: u64}],
//   named_data: [NamedData{key, segment_index: u32, tensor_layout: {scalar_type, sizes: [i32], dim_order: [u8]}}] }.
// Only the header and the flatbuffer are read; the tensor bytes stay on disk.




const PTD_IDENTIFIER = "FT01";
const HEADER_MAGIC = "FH01";
const HEADER_MIN_LENGTH = 40;
function readPtdFile(file) {
    const source = new FileSource(file);
    try {
        return readPtd(source);
    }
    finally {
        source.close();
    }
}
function readPtd(source) {
    const size = source.size;
    const file = new Span(source, 0, size, "file");
    if (size < 8 + HEADER_MIN_LENGTH)
        file.fail(0, "file header", `the file has ${size} bytes; a .ptd has at least ${8 + HEADER_MIN_LENGTH}`);
    const identifier = file.bytes(4, 4, "file identifier").toString("latin1");
    if (identifier !== PTD_IDENTIFIER) {
        file.fail(4, "file identifier", `expected the ExecuTorch data identifier '${PTD_IDENTIFIER}' at bytes 4..7, found ${JSON.stringify(identifier)}: not a .ptd file`);
    }
    const magic = file.bytes(8, 4, "flat tensor header magic").toString("latin1");
    if (magic !== HEADER_MAGIC)
        file.fail(8, "flat tensor header magic", `expected '${HEADER_MAGIC}', found ${JSON.stringify(magic)}`);
    const length = file.u32(12, "flat tensor header length");
    if (length < HEADER_MIN_LENGTH)
        file.fail(12, "flat tensor header length", `${length} is below the minimum of ${HEADER_MIN_LENGTH}`);
    const header = {
        length,
        flatbufferOffset: file.u64AsSize(16, "flat tensor header flatbuffer_offset", size),
        flatbufferSize: file.u64AsSize(24, "flat tensor header flatbuffer_size", size),
        segmentBaseOffset: file.u64AsSize(32, "flat tensor header segment_base_offset", size),
        segmentDataSize: file.u64AsSize(40, "flat tensor header segment_data_size", size),
    };
    const flatbufferEnd = header.flatbufferOffset + header.flatbufferSize;
    if (flatbufferEnd > size)
        file.fail(24, "flat tensor header flatbuffer_size", `the flatbuffer would end at byte ${flatbufferEnd}, past the end of the file (${size} bytes)`);
    if (header.segmentBaseOffset + header.segmentDataSize > size) {
        file.fail(40, "flat tensor header segment_data_size", `segment data would end at byte ${header.segmentBaseOffset + header.segmentDataSize}, past the end of the file (${size} bytes): the file is truncated`);
    }
    const span = new Span(source, 0, flatbufferEnd, "flat tensor flatbuffer");
    const root = new Flatbuffer(span).root("FlatTensor");
    const segments = tableList(root.vector(1, "segments", 4)).map((s) => {
        const offset = s.u64(0, "offset");
        const segmentSize = s.u64(1, "size");
        const end = BigInt(header.segmentBaseOffset) + offset + segmentSize;
        if (end > BigInt(size))
            span.fail(s.pos, s.path, `segment (offset ${offset}, ${segmentSize} bytes) ends at byte ${end}, past the end of the file (${size} bytes)`);
        return { offset: Number(offset), size: Number(segmentSize) };
    });
    const namedData = tableList(root.vector(2, "named_data", 4)).map((n) => {
        const key = n.string(0, "key") ?? "";
        const segmentIndex = n.u32(1, "segment_index");
        const segment = segments[segmentIndex];
        if (segment === undefined)
            span.fail(n.pos, `${n.path}.segment_index`, `segment ${segmentIndex} of '${key}' does not exist (${segments.length} segments)`);
        const layout = n.table(2, "tensor_layout");
        return {
            key,
            segmentIndex,
            bytes: segment.size,
            layout: layout === null
                ? null
                : {
                    scalarType: layout.i8(0, "scalar_type"),
                    sizes: layout.vector(1, "sizes", 4)?.i32s() ?? [],
                    dimOrder: byteList(layout.vector(2, "dim_order", 1)),
                },
        };
    });
    return { path: source.name, bytes: size, header, version: root.u32(0, "version"), segments, namedData };
}
function ptdName(view) {
    return path.basename(view.path);
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/settings/names.ts
// Names derived from the model spec: the model's short name, the default artifact name and the
// folder a model's files are written to. One function each so the action, the CLI and the tests
// agree on them (`<model>-<target>[-<gpu name>]`, sanitised; the sticky comment's key is the same string).


/**
 * The model's short name: the file stem (or last module component) and the factory, e.g.
 * `models/detector/model.py:build` → `model-build`. Both parts are kept so two factories of one
 * file never share an artifact or output folder.
 */
function modelName(spec) {
    const colon = spec.lastIndexOf(":");
    const where = colon > 0 ? spec.slice(0, colon) : spec;
    const factory = colon > 0 ? spec.slice(colon + 1) : "";
    const base = where.endsWith(".py") || where.includes("/")
        ? external_node_path_default().basename(where, ".py")
        : (where.split(".").pop() ?? where);
    return sanitizeName(factory === "" ? base : `${base}-${factory}`);
}
// GitHub refuses artifact names with " : < > | * ? \r \n \ /; we keep a stricter set that is also a
// safe folder name and a readable comment key.
const UNSAFE = /[^A-Za-z0-9._-]+/g;
const MAX_NAME = 200;
function sanitizeName(name) {
    const cleaned = name
        .replace(UNSAFE, "-")
        .replace(/-{2,}/g, "-")
        .replace(/^[-.]+|[-.]+$/g, "");
    return (cleaned === "" ? "model" : cleaned).slice(0, MAX_NAME);
}
/** `<model>-<target>[-<gpu name>]`, sanitised, from the model's short name. */
function artifactNameFor(name, target, gpuName) {
    return sanitizeName([name, target, gpuName].filter((p) => p !== undefined && p !== "").join("-"));
}
/** `<model>-<target>[-<gpu name>]`, sanitised, from the model spec. */
function defaultArtifactName(spec, target, gpuName) {
    return artifactNameFor(modelName(spec), target, gpuName);
}
/**
 * A `name` a trt-pte.yml gives a model: it becomes part of artifact names, folders, comment keys and
 * job names as written, so it must already be safe (the same rule as the reusable workflow's GPU names).
 */
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/**
 * The sticky comment's key of a call that builds a trt-pte.yml: the file, the `only` list and the
 * GPU, so two calls of one job (another file, another subset, another GPU) keep comments of their own.
 */
function configCommentKey(configPath, only, gpuName) {
    const subset = only.length === 0
        ? ""
        : `-only-${(0,external_node_crypto_namespaceObject.createHash)("sha256")
            .update([...only].sort().join("\n"))
            .digest("hex")
            .slice(0, 12)}`;
    return sanitizeName(["config", configPath, gpuName].filter((p) => p !== "").join("-") + subset);
}
// One build's artifacts, one file each, uploaded as they are (no zip): GitHub names such an
// artifact by its file, so the names are the files' names once downloaded. Artifact names never
// hold `--` (sanitizeName collapses it), so `<artifact>--` starts only this build's .ptd files and
// names of two builds never meet; the .ptd's own name (ExecuTorch's, e.g. `aoti_cuda_blob`, the
// same for every CUDA build) follows it.
/** `<artifact>.pte`: the program. */
function pteArtifactName(artifact) {
    return `${artifact}.pte`;
}
/** `<artifact>--<data file>.ptd`: a .ptd the program loads, named after the build it belongs to. */
function ptdArtifactName(artifact, ptdFile) {
    return `${ptdArtifactPrefix(artifact)}${sanitizeName(external_node_path_default().basename(ptdFile).replace(/\.ptd$/i, ""))}.ptd`;
}
/** What every .ptd artifact of the build `artifact` starts with, and no other file. */
function ptdArtifactPrefix(artifact) {
    return `${artifact}--`;
}
const REPORT_SUFFIX = ".report.json";
/** `<artifact>.report.json`: the build's report.json. */
function reportArtifactName(artifact) {
    return `${artifact}${REPORT_SUFFIX}`;
}
/** The build (artifact name) whose report an artifact is, or null for any other artifact. */
function buildOfReportArtifact(name) {
    if (!name.endsWith(REPORT_SUFFIX))
        return null;
    const build = name.slice(0, -REPORT_SUFFIX.length);
    return build !== "" && sanitizeName(build) === build ? build : null;
}

;// CONCATENATED MODULE: ./src/pte/scalar-type.ts
// ExecuTorch ScalarType codes (schema/scalar_type.fbs), named as torch names dtypes.
const NAMES = {
    0: "uint8",
    1: "int8",
    2: "int16",
    3: "int32",
    4: "int64",
    5: "float16",
    6: "float32",
    7: "float64",
    11: "bool",
    12: "qint8",
    13: "quint8",
    14: "qint32",
    15: "bfloat16",
    16: "quint4x2",
    17: "quint2x4",
    22: "bits16",
    23: "float8_e5m2",
    24: "float8_e4m3fn",
    25: "float8_e5m2fnuz",
    26: "float8_e4m3fnuz",
    27: "uint16",
    28: "uint32",
    29: "uint64",
};
function scalarTypeName(code) {
    return NAMES[code] ?? `scalar_type(${code})`;
}

;// CONCATENATED MODULE: ./src/pte/tensorrt-payload.ts
// The payload of a `TensorRTBackend` delegate, in the layouts Torch-TensorRT releases write (read
// from each release's ExecuTorch backend; test/python/generate_pte_fixtures.py writes every one):
//   - 2.13+: a 32-byte header `<4sIIIQ8s>`: magic TR01 (TR02 when aliased I/O is present),
//     metadata_offset u32, metadata_size u32, engine_offset u32 (16-aligned), engine_size u64,
//     8 reserved bytes; then compact JSON metadata, zero padding, the serialized engine.
//   - a pre-release TR01 carried the runtime's engine-info strings as metadata instead of JSON.
//   - 2.12: no magic at all: the runtime's engine-info vector<string> (u32 count, then u32 length +
//     bytes per entry), the engine in entry 3.
// Only the header and the metadata are read, never the engine.

const HEADER_BYTES = 32;
const ENGINE_ALIGNMENT = 16;
/** Metadata is JSON of binding names and settings: kilobytes. Refuse to read more than this. */
const MAX_METADATA_BYTES = 16 * 1024 * 1024;
/** The engine-info vector has 12 entries (13 from 2.14); anything far off is not that layout. */
const MAX_ENGINE_INFO_ENTRIES = 64;
/** Longest engine-info text entry read (names, device, platform); longer ones are only measured. */
const MAX_ENGINE_INFO_TEXT = 64 * 1024;
/** Engine-info slots (Torch-TensorRT's SerializedInfoIndex). */
const SLOT = {
    abi: 0,
    name: 1,
    device: 2,
    engine: 3,
    inputs: 4,
    outputs: 5,
    hardwareCompatible: 6,
    serializedMetadata: 7,
    targetPlatform: 8,
    requiresOutputAllocator: 9,
};
function decodeTensorRTPayload(payload) {
    if (payload.length >= 4) {
        const magic = payload.bytes(payload.start, 4, "TensorRT payload magic").toString("latin1");
        if (magic === "TR01" || magic === "TR02")
            return decodeHeadered(payload, magic);
    }
    const entries = engineInfoEntries(payload);
    if (entries !== null)
        return fromEngineInfo(payload, entries, "engine-info", payload.length);
    return {
        format: "unrecognised",
        reason: "unrecognised TensorRT payload layout: no TR01/TR02 magic, and not the engine-info strings Torch-TensorRT 2.12 writes",
        head_hex: headHex(payload),
    };
}
function decodeHeadered(payload, magic) {
    const at = payload.start;
    const what = `TensorRT ${magic} header`;
    if (payload.length < HEADER_BYTES) {
        payload.fail(at, what, `the header needs ${HEADER_BYTES} bytes but the payload has ${payload.length}`);
    }
    const metadataOffset = payload.u32(at + 4, `${what} metadata_offset`);
    const metadataSize = payload.u32(at + 8, `${what} metadata_size`);
    const engineOffset = payload.u32(at + 12, `${what} engine_offset`);
    const engineSize = payload.u64(at + 16, `${what} engine_size`);
    const fail = (field, problem) => payload.fail(at, `${what} ${field}`, problem);
    if (metadataOffset < HEADER_BYTES)
        fail("metadata_offset", `${metadataOffset} lies inside the ${HEADER_BYTES}-byte header`);
    if (metadataOffset + metadataSize > payload.length) {
        fail("metadata_size", `metadata (${metadataSize} bytes at ${metadataOffset}) runs past the payload's ${payload.length} bytes`);
    }
    if (engineOffset % ENGINE_ALIGNMENT !== 0)
        fail("engine_offset", `${engineOffset} is not ${ENGINE_ALIGNMENT}-byte aligned`);
    if (metadataOffset + metadataSize > engineOffset)
        fail("engine_offset", `the engine at ${engineOffset} overlaps the metadata`);
    if (BigInt(engineOffset) + engineSize > BigInt(payload.length)) {
        fail("engine_size", `the engine (${engineSize} bytes at ${engineOffset}) runs past the payload's ${payload.length} bytes`);
    }
    if (metadataSize > MAX_METADATA_BYTES)
        fail("metadata_size", `${metadataSize} bytes of metadata is more than ${MAX_METADATA_BYTES}`);
    const metadata = payload.sub(at + metadataOffset, metadataSize, `${magic} metadata`, `${what} metadata`);
    const engine = { offset: engineOffset, bytes: Number(engineSize) };
    const raw = metadata.bytes(metadata.start, metadata.length, `${magic} metadata`);
    const firstChar = raw.toString("latin1").trimStart()[0];
    if (firstChar !== "{") {
        const entries = engineInfoEntries(metadata);
        if (entries === null)
            metadata.fail(metadata.start, `${magic} metadata`, "neither JSON nor engine-info strings");
        return { ...fromEngineInfo(metadata, entries, magic, metadataSize), engine };
    }
    return fromJson(metadata, raw, magic, engine);
}
function fromJson(metadata, raw, layout, engine) {
    const where = `${layout} metadata`;
    const bad = (field, problem) => metadata.fail(metadata.start, `${where} ${field}`, problem);
    let parsed;
    try {
        parsed = JSON.parse(raw.toString("utf8"));
    }
    catch (e) {
        bad("JSON", `not valid JSON: ${e.message}`);
    }
    if (!isObject(parsed))
        bad("JSON", "is not a JSON object");
    const bindings = arrayField(parsed, "io_bindings", bad).map((b, i) => {
        if (!isObject(b))
            bad(`io_bindings[${i}]`, "is not an object");
        return {
            name: stringField(b, "name", bad, `io_bindings[${i}].`) ?? "",
            dtype: stringField(b, "dtype", bad, `io_bindings[${i}].`) ?? "",
            shape: intArrayField(b, "shape", bad, `io_bindings[${i}].`),
            is_input: boolField(b, "is_input", bad, `io_bindings[${i}].`) ?? true,
        };
    });
    const aliased = arrayField(parsed, "aliased_io", bad).map((a, i) => {
        if (!isObject(a))
            bad(`aliased_io[${i}]`, "is not an object");
        return {
            output: stringField(a, "output", bad, `aliased_io[${i}].`) ?? "",
            input: stringField(a, "input", bad, `aliased_io[${i}].`) ?? "",
            kind: stringField(a, "kind", bad, `aliased_io[${i}].`) ?? "kv_cache_update",
        };
    });
    const deviceId = parsed.device_id;
    if (deviceId !== undefined && !Number.isSafeInteger(deviceId))
        bad("device_id", "is not an integer");
    return {
        format: "tensorrt",
        layout,
        metadata_format: "json",
        metadata_bytes: metadata.length,
        engine,
        io_bindings: bindings,
        aliased_io: aliased,
        hardware_compatible: boolField(parsed, "hardware_compatible", bad) ?? null,
        device_id: deviceId ?? null,
        device: null,
        target_platform: stringField(parsed, "target_platform", bad) ?? null,
        engine_name: null,
        abi_version: null,
        requires_output_allocator: null,
        serialized_metadata_bytes: Buffer.byteLength(stringField(parsed, "serialized_metadata", bad) ?? ""),
    };
}
/** The engine-info vector<string> filling `span` exactly, or null when the bytes are not one. */
function engineInfoEntries(span) {
    if (span.length < 4)
        return null;
    const count = span.u32(span.start, "engine-info count");
    if (count < SLOT.requiresOutputAllocator + 1 || count > MAX_ENGINE_INFO_ENTRIES)
        return null;
    const entries = [];
    let pos = span.start + 4;
    for (let i = 0; i < count; i++) {
        if (pos + 4 > span.end)
            return null;
        const length = span.u32(pos, `engine-info entry ${i} length`);
        if (length > span.end - pos - 4)
            return null;
        entries.push({ pos: pos + 4, length });
        pos += 4 + length;
    }
    return pos === span.end ? entries : null;
}
function fromEngineInfo(span, entries, layout, metadataBytes) {
    const text = (slot) => {
        const entry = entries[slot];
        if (entry === undefined || entry.length > MAX_ENGINE_INFO_TEXT)
            return null;
        return span.bytes(entry.pos, entry.length, `engine-info entry ${slot}`).toString("utf8");
    };
    const flag = (slot) => {
        const value = text(slot);
        return value === "1" ? true : value === "0" ? false : null;
    };
    const names = (slot) => (text(slot) ?? "").split("%").filter((n) => n !== "");
    const device = text(SLOT.device);
    const deviceId = device === null ? NaN : Number(device.split("%")[0]);
    // engineInfoEntries accepts only vectors long enough to have an engine slot.
    const engine = entries[SLOT.engine] ?? { pos: span.start, length: 0 };
    return {
        format: "tensorrt",
        layout,
        metadata_format: "engine-info",
        metadata_bytes: metadataBytes,
        // In the 2.12 layout the engine is an entry of the vector; offsets are from the payload start.
        engine: { offset: engine.pos - span.start, bytes: engine.length },
        io_bindings: [
            ...names(SLOT.inputs).map((name) => ({ name, dtype: "", shape: [], is_input: true })),
            ...names(SLOT.outputs).map((name) => ({ name, dtype: "", shape: [], is_input: false })),
        ],
        aliased_io: [],
        hardware_compatible: flag(SLOT.hardwareCompatible),
        device_id: Number.isSafeInteger(deviceId) ? deviceId : null,
        device,
        target_platform: text(SLOT.targetPlatform),
        engine_name: text(SLOT.name),
        abi_version: text(SLOT.abi),
        requires_output_allocator: flag(SLOT.requiresOutputAllocator),
        serialized_metadata_bytes: entries[SLOT.serializedMetadata]?.length ?? 0,
    };
}
function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
function arrayField(obj, key, bad) {
    const value = obj[key];
    if (value === undefined)
        return [];
    if (!Array.isArray(value))
        bad(key, "is not an array");
    return value;
}
function stringField(obj, key, bad, prefix = "") {
    const value = obj[key];
    if (value !== undefined && typeof value !== "string")
        bad(`${prefix}${key}`, "is not a string");
    return value;
}
function boolField(obj, key, bad, prefix = "") {
    const value = obj[key];
    if (value !== undefined && typeof value !== "boolean")
        bad(`${prefix}${key}`, "is not true or false");
    return value;
}
function intArrayField(obj, key, bad, prefix) {
    const value = obj[key];
    if (value === undefined)
        return [];
    if (!Array.isArray(value) || !value.every((v) => Number.isSafeInteger(v)))
        bad(`${prefix}${key}`, "is not a list of integers");
    return value;
}

;// CONCATENATED MODULE: ./src/pte/xnnpack-payload.ts
// The payload header of an `XnnpackBackend` delegate: 4 bytes, magic `XH00`, u16 header length,
// u32 flatbuffer offset, u32 flatbuffer size, u32 constant data offset, u64 constant data size.

const xnnpack_payload_HEADER_BYTES = 30;
function decodeXnnpackPayload(payload) {
    const at = payload.start;
    if (payload.length < xnnpack_payload_HEADER_BYTES ||
        payload.bytes(at + 4, 4, "XNNPACK header magic").toString("latin1") !== "XH00") {
        return {
            format: "unrecognised",
            reason: "no XNNPACK header (magic XH00 at byte 4)",
            head_hex: headHex(payload),
        };
    }
    return {
        format: "xnnpack",
        flatbuffer_bytes: payload.u32(at + 14, "XNNPACK header flatbuffer_size"),
        constant_bytes: Number(payload.u64(at + 22, "XNNPACK header constant_data_size")),
    };
}

;// CONCATENATED MODULE: ./src/pte/inspect.ts
// Reads a .pte (and the .ptd files it may need) into an Inspection: header → program flatbuffer →
// segments → the first bytes of each delegate payload → named data and external keys resolved →
// bytes by kind. Reads only metadata through the page cache; segment bytes are never touched.















/** Inspects a .pte on disk. Throws PteFormatError for a malformed .pte or .ptd. */
function inspectPte(file, options = {}) {
    const ptdFiles = options.ptd ?? ptdFilesBeside(file);
    const ptds = ptdFiles.map((f) => readPtdFile(f));
    const source = new FileSource(file);
    try {
        return inspectSource(source, ptds);
    }
    finally {
        source.close();
    }
}
/**
 * The .ptd files in the folder of `pteFile`, sorted by name: those named after it when there are any
 * (`<stem>--*.ptd`, as downloaded artifacts are, so several builds can share a folder), else every
 * `*.ptd` (an export's own output folder).
 */
function ptdFilesBeside(pteFile) {
    const dir = external_node_path_default().dirname(pteFile);
    const all = external_node_fs_default().readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith(".ptd"))
        .map((e) => e.name)
        .sort();
    const prefix = ptdArtifactPrefix(external_node_path_default().basename(pteFile, ".pte"));
    const own = all.filter((name) => name.startsWith(prefix));
    return (own.length > 0 ? own : all).map((name) => external_node_path_default().join(dir, name));
}
const DECODERS = {
    TensorRTBackend: (payload) => decodeTensorRTPayload(payload),
    CudaBackend: (payload, d) => decodeCudaPayload(payload, d.specText("method_name")),
    XnnpackBackend: (payload) => decodeXnnpackPayload(payload),
};
/** Bytes the payload decoders may read beyond the file's own size (magic and header reads repeat). */
const PAYLOAD_SLACK_BYTES = 1024 * 1024;
/**
 * The file as the payload decoders see it: every byte they read is counted, and past the file's size
 * (plus a little for headers read twice) the file is refused. Each payload is decoded once (see
 * `decoded` below), so only payloads that overlap, starting at different bytes, can read more than
 * the file holds, which a file written by a real serializer never does.
 */
class PayloadBudget {
    inner;
    used = 0;
    limit;
    constructor(inner) {
        this.inner = inner;
        this.limit = inner.size + PAYLOAD_SLACK_BYTES;
    }
    get name() {
        return this.inner.name;
    }
    get size() {
        return this.inner.size;
    }
    get stats() {
        return this.inner.stats;
    }
    read(pos, length) {
        this.used += length;
        if (this.used > this.limit) {
            throw new PteFormatError(this.inner.name, pos, "delegate payloads", `the delegates' payloads overlap: decoding them reads more than the file's ${this.inner.size} bytes`);
        }
        return this.inner.read(pos, length);
    }
    close() { }
}
function inspectSource(source, ptds = []) {
    const header = readPteHeader(source);
    const programSpan = new Span(source, 0, header.programSize, "program flatbuffer");
    const program = readProgram(programSpan, source.size);
    const base = header.extended?.segmentBaseOffset ?? 0;
    checkSegments(source, header, program);
    const pteName = external_node_path_default().basename(source.name);
    const external = ptds.map(externalFile);
    const namedData = program.namedData.map((n) => ({
        key: n.key,
        segment_index: n.segmentIndex,
        bytes: checked(program.segments, n.segmentIndex).size,
    }));
    const externalKeys = [];
    const locate = (key) => {
        const own = namedData.find((n) => n.key === key);
        if (own !== undefined)
            return { found_in: pteName, bytes: own.bytes };
        for (const file of external) {
            const entry = file.named_data.find((n) => n.key === key);
            if (entry !== undefined)
                return { found_in: file.name, bytes: entry.bytes };
        }
        return { found_in: null, bytes: null };
    };
    // One decode per payload: delegates that share a payload (same backend, bytes and method) share
    // its decoding, so a thousand delegates pointing at one segment cost what one does.
    const payloads = new PayloadBudget(source);
    const decoded = new Map();
    const delegates = [];
    const plans = program.plans.map((plan) => {
        const first = delegates.length;
        plan.delegates.forEach((d, index) => {
            const stored = checked(d.location === "segment" ? program.segments : program.inlineDelegateData, d.index);
            const where = { offset: (d.location === "segment" ? base : 0) + stored.offset, bytes: stored.size };
            const specs = d.compileSpecs.map(compileSpecInfo);
            const context = { specText: (key) => specs.find((s) => s.key === key)?.text ?? null };
            const key = [d.id, where.offset, where.bytes, context.specText("method_name")].join("\0");
            let payloadInfo = decoded.get(key);
            if (payloadInfo === undefined) {
                const payload = new Span(payloads, where.offset, where.offset + where.bytes, `${d.id} payload`);
                const decode = DECODERS[d.id];
                payloadInfo = decode
                    ? decode(payload, context)
                    : { format: "unknown", reason: null, head_hex: headHex(payload) };
                decoded.set(key, payloadInfo);
            }
            const decodedPayload = payloadInfo;
            const label = `${plan.name}/${index}`;
            let info;
            if (decodedPayload.format === "cuda") {
                const keys = decodedPayload.keys.map((k) => ({ ...k, ...locate(k.key) }));
                for (const k of keys) {
                    if (k.found_in !== pteName)
                        externalKeys.push({
                            key: k.key,
                            needed_by: `CudaBackend delegate ${label}`,
                            found_in: k.found_in,
                            bytes: k.bytes,
                        });
                }
                info = { ...decodedPayload, keys };
            }
            else
                info = decodedPayload;
            delegates.push({
                plan: plan.name,
                index,
                id: d.id,
                calls: d.calls,
                location: d.location,
                data_index: d.index,
                offset: where.bytes === 0 && d.location === "inline" ? null : where.offset,
                bytes: where.bytes,
                compile_specs: specs,
                payload: info,
            });
        });
        for (const t of plan.externalTensors) {
            const found = locate(t.fqn);
            if (found.found_in !== pteName)
                externalKeys.push({ key: t.fqn, needed_by: `tensor ${t.fqn} in ${plan.name}`, ...found });
        }
        return planInfo(plan, delegates.length - first, first);
    });
    const segments = segmentInfo(program, base, delegates, namedData);
    const constants = constantsInfo(program);
    return {
        schema: INSPECTION_SCHEMA,
        file: { path: source.name, bytes: source.size },
        program: {
            identifier: header.identifier,
            version: program.version,
            flatbuffer_bytes: header.programSize,
            extended_header: header.extended === null
                ? null
                : {
                    length: header.extended.length,
                    program_size: header.extended.programSize,
                    segment_base_offset: header.extended.segmentBaseOffset,
                    segment_data_size: header.extended.segmentDataSize,
                },
        },
        plans,
        delegates,
        segments,
        named_data: namedData,
        constants,
        external_data: external,
        external_keys: externalKeys,
        bytes_by_kind: bytesByKind(source.size, header.programSize, segments, external),
    };
}
/** An element readProgram has already checked exists (an index it validated against this list). */
function checked(list, index) {
    const item = list[index];
    if (item === undefined)
        throw new Error(`internal: index ${index} was validated but is missing`);
    return item;
}
/** Every segment must lie inside the segment data the header declares, and inside the file. */
function checkSegments(source, header, program) {
    const span = new Span(source, 0, source.size, "file");
    const extended = header.extended;
    program.segments.forEach((s, i) => {
        const what = `Program.segments[${i}]`;
        if (s.size === 0)
            return;
        if (extended === null || extended.segmentBaseOffset === 0) {
            span.fail(s.at, what, `segment of ${s.size} bytes, but the file has no extended header saying where segments begin`);
        }
        const start = extended.segmentBaseOffset + s.offset;
        if (start + s.size > source.size) {
            span.fail(s.at, what, `segment ${i} (bytes ${start}..${start + s.size}) runs past the end of the file (${source.size} bytes): the file is truncated`);
        }
        if (extended.segmentDataSize > 0 && s.offset + s.size > extended.segmentDataSize) {
            span.fail(s.at, what, `segment ${i} ends ${s.offset + s.size} bytes into the segment data, which the header says is ${extended.segmentDataSize} bytes`);
        }
    });
}
function compileSpecInfo(spec) {
    return {
        key: spec.key,
        bytes: spec.bytes,
        text: spec.head.length === spec.bytes ? printableText(spec.head) : null,
        hex: spec.head.toString("hex"),
    };
}
const DYNAMISM = ["static", "dynamic_bound", "dynamic_unbound"];
function tensorInfo(meta) {
    if (meta === null)
        return null;
    return {
        dtype: scalarTypeName(meta.scalarType),
        shape: meta.sizes,
        dynamism: DYNAMISM[meta.dynamism] ?? "static",
    };
}
function planInfo(plan, delegateCount, firstDelegate) {
    const io = (indices, kinds, tensors) => indices.map((value, i) => ({ value, kind: kinds[i] ?? "None", tensor: tensorInfo(tensors[i] ?? null) }));
    const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
    return {
        name: plan.name,
        inputs: io(plan.inputs, plan.inputKinds, plan.inputTensors),
        outputs: io(plan.outputs, plan.outputKinds, plan.outputTensors),
        values: { total: plan.values, by_kind: sortKeys(plan.valueKinds) },
        chains: plan.chains,
        instructions: { total: total(plan.instructions), by_kind: sortKeys(plan.instructions) },
        operators: plan.operators,
        delegates: Array.from({ length: delegateCount }, (_, i) => firstDelegate + i),
        steps: planSteps(plan, firstDelegate),
        memory_planned_bytes: plan.nonConstBufferSizes,
        external_tensors: plan.externalTensors,
    };
}
/** The plan's calls in order, consecutive kernel calls folded into one step. */
function planSteps(plan, firstDelegate) {
    const steps = [];
    for (const call of plan.calls) {
        if (call.type === "delegate") {
            steps.push({ kind: "delegate", delegate: firstDelegate + call.index });
            continue;
        }
        const op = plan.operators[call.index];
        const name = op === undefined
            ? `operator ${call.index}`
            : op.overload === ""
                ? op.name
                : `${op.name}.${op.overload}`;
        let last = steps[steps.length - 1];
        if (last?.kind !== "kernels") {
            last = { kind: "kernels", calls: 0, ops: [] };
            steps.push(last);
        }
        last.calls++;
        const seen = last.ops.find((o) => o.name === name);
        if (seen === undefined)
            last.ops.push({ name, calls: 1 });
        else
            seen.calls++;
    }
    return steps;
}
function sortKeys(counts) {
    return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
const KIND_ORDER = ["delegate", "constants", "mutable_data", "named_data"];
function segmentInfo(program, base, delegates, namedData) {
    const uses = program.segments.map(() => []);
    for (const d of delegates) {
        if (d.location === "segment")
            uses[d.data_index]?.push({ kind: "delegate", by: `delegate ${d.plan}/${d.index} ${d.id}` });
    }
    const constant = program.constantSegment;
    if (constant !== null && constant.offsets.length > 0) {
        uses[constant.segmentIndex]?.push({
            kind: "constants",
            by: `constants (${constant.offsets.length} buffer${constant.offsets.length === 1 ? "" : "s"})`,
        });
    }
    program.mutableDataSegments.forEach((m, i) => {
        if (m.offsets.length > 0)
            uses[m.segmentIndex]?.push({ kind: "mutable_data", by: `mutable_data[${i}]` });
    });
    for (const n of namedData)
        uses[n.segment_index]?.push({ kind: "named_data", by: `named_data ${n.key}` });
    return program.segments.map((s, index) => {
        const used = uses[index] ?? [];
        const kind = KIND_ORDER.find((k) => used.some((u) => u.kind === k)) ?? "unused";
        return { index, offset: base + s.offset, bytes: s.size, kind, used_by: used.map((u) => u.by) };
    });
}
function constantsInfo(program) {
    const segment = program.constantSegment;
    if (segment !== null && segment.offsets.length > 0) {
        return {
            segment_index: segment.segmentIndex,
            buffers: segment.offsets.length,
            bytes: program.segments[segment.segmentIndex]?.size ?? 0,
        };
    }
    return {
        segment_index: null,
        buffers: program.constantBuffers.count,
        bytes: program.constantBuffers.bytes,
    };
}
function externalFile(view) {
    return {
        name: external_node_path_default().basename(view.path),
        path: view.path,
        bytes: view.bytes,
        version: view.version,
        header: {
            length: view.header.length,
            flatbuffer_offset: view.header.flatbufferOffset,
            flatbuffer_size: view.header.flatbufferSize,
            segment_base_offset: view.header.segmentBaseOffset,
            segment_data_size: view.header.segmentDataSize,
        },
        segments: view.segments.map((s, index) => ({
            index,
            offset: view.header.segmentBaseOffset + s.offset,
            bytes: s.size,
        })),
        named_data: view.namedData.map((n) => ({
            key: n.key,
            segment_index: n.segmentIndex,
            bytes: n.bytes,
            dtype: n.layout === null ? null : scalarTypeName(n.layout.scalarType),
            shape: n.layout?.sizes ?? null,
            dim_order: n.layout?.dimOrder ?? null,
        })),
    };
}
function bytesByKind(fileBytes, programBytes, segments, external) {
    const sum = (kind) => segments.filter((s) => s.kind === kind).reduce((total, s) => total + s.bytes, 0);
    const out = {
        program: programBytes,
        delegates: sum("delegate"),
        constants: sum("constants"),
        mutable_data: sum("mutable_data"),
        named_data: sum("named_data"),
        unused_segments: sum("unused"),
    };
    const accounted = Object.values(out).reduce((a, b) => a + b, 0);
    return {
        ...out,
        padding: Math.max(0, fileBytes - accounted),
        total: fileBytes,
        external_data: external.reduce((total, f) => total + f.bytes, 0),
    };
}

;// CONCATENATED MODULE: ./src/util/format.ts
// Small formatting helpers shared by the summary, the comment and the inspector, and the markdown
// escaping of text trt-pte does not control (names read from a .pte, a report or a result file, model
// messages): every such string in a comment or summary goes through `code`, and through `cell` when it
// sits in a table.
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ["KiB", "MiB", "GiB", "TiB"];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
/**
 * Escapes text for a GFM table cell: a `|` would end the cell, even inside a code span, and a line
 * break would end the row. GitHub's table scanner (cmark-gfm) takes every `\|` as an escaped pipe
 * whatever precedes it, so backslashes need nothing.
 */
function cell(text) {
    return text.replace(/\|/g, "\\|").replace(/\r?\n|\r/g, " ");
}
/** The longest untrusted string one inline-code span shows; longer ones are cut with "…". */
const CODE_MAX_CHARS = 200;
// Line breaks (a blank line would end the span's paragraph and free what follows), other control
// characters, and the bidirectional controls that make text read differently than it is.
// eslint-disable-next-line no-control-regex
const format_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
/**
 * Untrusted text as one inline-code span, the one way a comment or summary shows it. Inside a code
 * span markdown, HTML, links, images and @-mentions are inert (CommonMark: code spans bind tighter
 * than all of them), so all that remains is to keep the span closed where we close it: the fence is a
 * backtick run longer than any inside the text, padded with a space where the text starts or ends
 * with a backtick or a space (CommonMark strips exactly one such pair), and line breaks and control
 * characters become spaces. Put the result through `cell` when it goes into a table.
 */
function format_code(value, maxChars = CODE_MAX_CHARS) {
    const chars = Array.from(value.replace(format_UNSAFE, " "));
    const text = chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join("")}…` : chars.join("");
    if (text === "")
        return "` `";
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(longest + 1);
    const pad = /^[` ]|[` ]$/.test(text) && text.trim() !== "" ? " " : "";
    return `${fence}${pad}${text}${pad}${fence}`;
}
/**
 * Text as a fenced code block (`language` names the highlighting): the fence is a backtick run longer
 * than any inside the text, so nothing in it closes the block early, and control characters other
 * than line breaks become spaces. Inside, markdown, HTML, links and @-mentions are inert.
 */
function codeBlock(text, language = "") {
    const clean = text.replace(
    // eslint-disable-next-line no-control-regex -- exactly the characters that must not reach the page
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu, " ");
    const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(Math.max(3, longest + 1));
    return `${fence}${language}\n${clean}\n${fence}`;
}
/** A word for a POSIX shell command line: as it is when it holds nothing the shell reads, else single-quoted. */
function shellWord(value) {
    if (/^[A-Za-z0-9._/:=@%+,-]+$/.test(value))
        return value;
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/**
 * A double-quoted string literal that Python, C++ and JSON read alike: quotes and backslashes
 * escaped, and anything outside printable ASCII shown as `?` (no escape reads the same in all three).
 */
function stringLiteral(value) {
    return `"${value.replace(/[^\x20-\x7e]/g, "?").replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

;// CONCATENATED MODULE: ./src/pte/render-tree.ts
// The readable form of an Inspection, for `trt-pte inspect` and the export log: a tree of plans,
// delegates (with TensorRT engine I/O and CUDA blobs), segments, named data and bytes by kind.
// Long lists are cut with a count of what was left out, so a model with thousands of weights still
// prints a screenful.

const MAX_ROWS = 20;
function renderTree(inspection) {
    const { file, program } = inspection;
    const name = file.path.split(/[\\/]/).pop() ?? file.path;
    const root = {
        label: `${name}  ${formatBytes(file.bytes)}  (${program.identifier}, program ${formatBytes(program.flatbuffer_bytes)}, ${plural(inspection.segments.length, "segment")})`,
        children: [
            ...inspection.plans.map((p) => planNode(p, inspection)),
            {
                label: `delegates (${inspection.delegates.length})`,
                children: inspection.delegates.map((d, i) => delegateNode(d, i)),
            },
            segmentsNode(inspection),
            ...(inspection.named_data.length > 0
                ? [
                    {
                        label: `named data (${inspection.named_data.length})`,
                        children: cut(inspection.named_data.map((n) => ({
                            label: `${n.key}  ${formatBytes(n.bytes)}  segment ${n.segment_index}`,
                        }))),
                    },
                ]
                : []),
            ...externalNodes(inspection),
            bytesNode(inspection),
        ],
    };
    return render(root);
}
function planNode(plan, inspection) {
    const operators = [...plan.operators].sort((a, b) => b.calls - a.calls || a.name.localeCompare(b.name));
    const instructions = Object.entries(plan.instructions.by_kind)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ");
    const delegates = plan.delegates.map((i) => `[${i}] ${inspection.delegates[i]?.id ?? "?"}`).join(", ");
    return {
        label: `plan ${plan.name}`,
        children: [
            { label: `inputs   ${plan.inputs.map(ioText).join(", ") || "none"}` },
            { label: `outputs  ${plan.outputs.map(ioText).join(", ") || "none"}` },
            { label: `instructions ${plan.instructions.total}${instructions ? `: ${instructions}` : ""}` },
            {
                label: `operators (${plan.operators.length})`,
                children: cut(operators.map((op) => ({
                    label: `${op.name}${op.overload ? `.${op.overload}` : ""}  ×${op.calls}`,
                }))),
            },
            { label: `delegates ${delegates || "none"}` },
            ...(plan.external_tensors.length > 0
                ? [{ label: `external tensors ${plan.external_tensors.length}` }]
                : []),
        ],
    };
}
function ioText(value) {
    if (value.tensor === null)
        return value.kind;
    const { dtype, shape, dynamism } = value.tensor;
    return `${dtype}[${shape.join(",")}]${dynamism === "static" ? "" : ` (${dynamism === "dynamic_bound" ? "dynamic, upper bounds" : "dynamic"})`}`;
}
function delegateNode(d, index) {
    const where = d.location === "segment" ? `segment ${d.data_index}` : `inline ${d.data_index}`;
    const at = d.offset === null ? "" : ` @${d.offset}`;
    const specs = d.compile_specs.map((s) => `${s.key}=${s.text ?? `0x${s.hex}${s.bytes > s.hex.length / 2 ? "…" : ""}`}`);
    return {
        label: `[${index}] ${d.id}  ${d.plan}/${d.index}  ${where}${at}  ${formatBytes(d.bytes)}  (called ${d.calls}×)`,
        children: [
            ...(specs.length > 0 ? [{ label: `compile specs: ${specs.join(", ")}` }] : []),
            payloadNode(d.payload),
        ],
    };
}
function payloadNode(payload) {
    switch (payload.format) {
        case "tensorrt":
            return tensorrtNode(payload);
        case "cuda":
            return cudaNode(payload);
        case "xnnpack":
            return {
                label: `XNNPACK graph ${formatBytes(payload.flatbuffer_bytes)}, constants ${formatBytes(payload.constant_bytes)}`,
            };
        case "unrecognised":
            return {
                label: `${payload.reason ?? "unrecognised payload"} (starts ${payload.head_hex.slice(0, 16)}…)`,
            };
        case "unknown":
            return { label: `payload not decoded (starts ${payload.head_hex.slice(0, 16)}…)` };
    }
}
function tensorrtNode(p) {
    const layout = p.layout === "engine-info"
        ? "engine-info (Torch-TensorRT 2.12)"
        : `${p.layout}${p.metadata_format === "engine-info" ? " (engine-info metadata)" : ""}`;
    const facts = [
        `engine ${formatBytes(p.engine.bytes)}`,
        `hardware_compatible ${p.hardware_compatible ?? "?"}`,
        `device ${p.device_id ?? "?"}`,
        `platform ${p.target_platform || "?"}`,
    ];
    const bindings = p.io_bindings.map((b) => ({
        label: `${b.is_input ? "in " : "out"} ${b.name}  ${b.dtype || "?"}${b.shape.length > 0 ? `[${b.shape.join(",")}]` : ""}`,
    }));
    const aliases = p.aliased_io.map((a) => ({ label: `alias ${a.output} → ${a.input} (${a.kind})` }));
    return { label: `TensorRT ${layout}: ${facts.join(", ")}`, children: cut([...bindings, ...aliases]) };
}
function cudaNode(p) {
    const layout = {
        keys: "executorch 1.4 keys",
        fqn3: "executorch 1.5 ETCUDAFQN3",
        "method-name": "executorch 1.2/1.3, keys from method_name",
    }[p.layout];
    return {
        label: `CUDA (${layout})${p.weights === null ? "" : `: ${plural(p.weights, "weight")}`}`,
        children: cut(p.keys.map((k) => ({
            label: `${k.role}  ${k.key}  ${k.bytes === null ? "" : `${formatBytes(k.bytes)}  `}${k.found_in === null ? "MISSING" : `in ${k.found_in}`}`,
        }))),
    };
}
function segmentsNode(inspection) {
    return {
        label: `segments (${inspection.segments.length})`,
        children: cut(inspection.segments.map((s) => ({
            label: `[${s.index}] @${s.offset}  ${formatBytes(s.bytes)}  ${s.used_by.join(", ") || "unused"}`,
        }))),
    };
}
function externalNodes(inspection) {
    const nodes = [];
    if (inspection.external_data.length > 0) {
        nodes.push({
            label: `external data (${inspection.external_data.length})`,
            children: inspection.external_data.map((f) => ({
                label: `${f.name}  ${formatBytes(f.bytes)}  ${plural(f.named_data.length, "entry", "entries")}`,
            })),
        });
    }
    if (inspection.external_keys.length > 0) {
        const missing = inspection.external_keys.filter((k) => k.found_in === null).length;
        nodes.push({
            label: `needs from .ptd (${inspection.external_keys.length}${missing > 0 ? `, ${missing} MISSING` : ""})`,
            children: cut(inspection.external_keys.map((k) => ({
                label: `${k.key}  ${k.found_in === null ? "MISSING" : `in ${k.found_in}  ${formatBytes(k.bytes ?? 0)}`}  (${k.needed_by})`,
            }))),
        });
    }
    return nodes;
}
function bytesNode(inspection) {
    const b = inspection.bytes_by_kind;
    const parts = [
        ["program", b.program],
        ["delegates", b.delegates],
        ["constants", b.constants],
        ["mutable data", b.mutable_data],
        ["named data", b.named_data],
        ["unused segments", b.unused_segments],
        ["padding", b.padding],
    ];
    return {
        label: `bytes: ${parts
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${k} ${formatBytes(n)}`)
            .join(" · ")} · total ${formatBytes(b.total)}${b.external_data > 0 ? ` (+ .ptd ${formatBytes(b.external_data)})` : ""}`,
    };
}
function cut(nodes) {
    if (nodes.length <= MAX_ROWS)
        return nodes;
    return [...nodes.slice(0, MAX_ROWS - 1), { label: `… ${nodes.length - MAX_ROWS + 1} more (see --json)` }];
}
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}
function render(root) {
    const lines = [root.label];
    const walk = (children, prefix) => {
        children.forEach((child, i) => {
            const last = i === children.length - 1;
            lines.push(`${prefix}${last ? "└─ " : "├─ "}${child.label}`);
            if (child.children && child.children.length > 0)
                walk(child.children, `${prefix}${last ? "   " : "│  "}`);
        });
    };
    walk(root.children ?? [], "");
    return `${lines.join("\n")}\n`;
}

;// CONCATENATED MODULE: ./src/pte/render-summary.ts
// One line about the delegates of an Inspection, for the job summary and the PR comment: which
// backends run the model and how big their engines and blobs are. Every name in them was read from
// the .pte, so it is shown through `code` (markdown-inert inline code).

// The backends trt-pte targets, shown by name; any other id read from a .pte is shown as code.
const KNOWN_BACKENDS = new Set(["TensorRTBackend", "CudaBackend", "XnnpackBackend"]);
const backend = (id) => (KNOWN_BACKENDS.has(id) ? id : format_code(id));
function delegateSummary(inspection) {
    if (inspection.delegates.length === 0)
        return "none (portable kernels only)";
    const byId = new Map();
    for (const d of inspection.delegates)
        byId.set(d.id, [...(byId.get(d.id) ?? []), d]);
    return [...byId.entries()]
        .map(([id, list]) => `${backend(id)} ×${list.length} (${detail(list)})`)
        .join(" · ");
}
function detail(delegates) {
    let engines = 0;
    let blobs = 0;
    let bindings = 0;
    const files = new Set();
    for (const d of delegates) {
        if (d.payload.format === "tensorrt") {
            engines += d.payload.engine.bytes;
            bindings += d.payload.io_bindings.length;
        }
        else if (d.payload.format === "cuda") {
            for (const k of d.payload.keys) {
                blobs += k.bytes ?? 0;
                if (k.found_in !== null)
                    files.add(k.found_in);
            }
        }
    }
    const parts = [];
    if (engines > 0)
        parts.push(`engines ${formatBytes(engines)}, ${bindings} I/O bindings`);
    if (blobs > 0)
        parts.push(`blobs ${formatBytes(blobs)} in ${[...files].map((f) => format_code(f)).join(", ")}`);
    if (parts.length === 0)
        parts.push(`payload ${formatBytes(delegates.reduce((n, d) => n + d.bytes, 0))}`);
    return parts.join("; ");
}
/** One engine binding as plain text, `name dtype[dims]`, `?` for a dynamic dimension or an unknown dtype. */
function bindingText(b) {
    const dims = b.shape.map((d) => (d < 0 ? "?" : String(d))).join(",");
    return `${b.name} ${b.dtype || "?"}[${dims}]`;
}
/** A binding for markdown: its name comes from the model, so it is code. */
function bindingCode(b) {
    return format_code(bindingText(b));
}
/**
 * One markdown bullet per TensorRT engine (size, inputs → outputs) and per CUDA blob set: what a
 * person checks before flashing a device, in the summary and the PR comment. Empty when there are
 * no such delegates.
 */
function engineLines(inspection) {
    const lines = [];
    inspection.delegates.forEach((d, i) => {
        if (d.payload.format === "tensorrt") {
            const inputs = d.payload.io_bindings.filter((b) => b.is_input).map(bindingCode);
            const outputs = d.payload.io_bindings.filter((b) => !b.is_input).map(bindingCode);
            const compat = d.payload.hardware_compatible ? ", hardware-compatible" : "";
            lines.push(`TensorRT engine ${i}: ${formatBytes(d.payload.engine.bytes)}${compat} · ${inputs.join(", ") || "?"} → ${outputs.join(", ") || "?"}`);
        }
        else if (d.payload.format === "cuda") {
            const blobs = d.payload.keys.map((k) => `${format_code(k.role)} ${k.bytes === null ? "missing" : formatBytes(k.bytes)}${k.found_in === null ? "" : ` in ${format_code(k.found_in)}`}`);
            lines.push(`CUDA delegate ${i}: ${blobs.join(", ") || "no blobs"}`);
        }
    });
    return lines;
}

;// CONCATENATED MODULE: ./src/compare/mermaid.ts
// The partition as a Mermaid flowchart, from what the reader found in the .pte (never from the
// driver's word): the plan's inputs → each step in instruction order (a TensorRT engine with its
// size and I/O, a CUDA delegate with its blobs, an XNNPACK delegate, a run of portable kernels with
// its ops) → outputs. GitHub renders it in the summary and comment. With a baseline inspection,
// steps that are new or differ are marked, and what disappeared is listed in a note.
// Every label is escaped here: op and binding names come from the model.


/** Ops listed per kernel run before the rest are counted ("+ 12 more"). */
const OPS_SHOWN = 6;
/** Characters kept of any one name (a hostile model can make them megabytes long). */
const NAME_CHARS = 80;
/**
 * Text for a quoted Mermaid label: letters, digits and plain punctuation as they are; `<`, `>` and
 * `&` as look-alikes so no HTML can form; everything else (quotes, backticks, `#`, `;`, `|`, braces,
 * line breaks, emoji...) as Mermaid's `#<code>;` entity, which it decodes back to the character.
 */
function mermaidText(text, max = NAME_CHARS) {
    const chars = [...text];
    const cut = chars.length > max ? [...chars.slice(0, max - 1), "…"] : chars;
    return cut
        .map((c) => {
        if (/^[A-Za-z0-9 _.,:=+\-/()[\]?*×→…·▲Δ‹›＆]$/.test(c))
            return c;
        if (c === "<")
            return "‹";
        if (c === ">")
            return "›";
        if (c === "&")
            return "＆";
        return `#${c.codePointAt(0)};`;
    })
        .join("");
}
function mermaid_ioText(v) {
    if (v.tensor === null)
        return v.kind;
    return `${v.tensor.dtype}[${v.tensor.shape.join(",")}]${v.tensor.dynamism === "static" ? "" : "*"}`;
}
const BACKEND_NAMES = {
    TensorRTBackend: "TensorRT",
    CudaBackend: "CUDA",
    XnnpackBackend: "XNNPACK",
};
/** A step's lines of text (unescaped) and a signature that says whether it changed. */
function describe(step, inspection, engineOf) {
    if (step.kind === "kernels") {
        const names = step.ops.map((o) => (o.calls > 1 ? `${o.name} ×${o.calls}` : o.name));
        const shown = names.slice(0, OPS_SHOWN);
        if (names.length > OPS_SHOWN)
            shown.push(`+ ${names.length - OPS_SHOWN} more`);
        return {
            kind: "kernels",
            lines: [`portable kernels ×${step.calls}`, ...shown],
            sig: step.ops.map((o) => `${o.name}:${o.calls}`).join(","),
        };
    }
    const d = inspection.delegates[step.delegate];
    if (d === undefined)
        return { kind: "delegate", lines: [`delegate ${step.delegate}`], sig: "?" };
    const p = d.payload;
    if (p.format === "tensorrt") {
        const i = engineOf.get(step.delegate) ?? 0;
        const inputs = p.io_bindings.filter((b) => b.is_input).map(bindingText);
        const outputs = p.io_bindings.filter((b) => !b.is_input).map(bindingText);
        return {
            kind: "tensorrt",
            lines: [
                `TensorRT engine ${i} · ${formatBytes(p.engine.bytes)}`,
                `in: ${inputs.join(", ") || "?"}`,
                `out: ${outputs.join(", ") || "?"}`,
            ],
            sig: `${p.engine.bytes}|${inputs.join(",")}|${outputs.join(",")}`,
        };
    }
    if (p.format === "cuda") {
        const blobs = p.keys.map((k) => `${k.role} ${k.bytes === null ? "missing" : formatBytes(k.bytes)}${k.found_in === null ? "" : ` in ${k.found_in}`}`);
        return {
            kind: "cuda",
            lines: [`CUDA delegate ${d.plan}/${d.index}`, ...blobs],
            sig: p.keys.map((k) => `${k.role}:${k.bytes}`).join(","),
        };
    }
    if (p.format === "xnnpack") {
        return {
            kind: "xnnpack",
            lines: [
                `XNNPACK delegate ${d.plan}/${d.index}`,
                `${formatBytes(d.bytes)} (constants ${formatBytes(p.constant_bytes)})`,
            ],
            sig: `${d.bytes}`,
        };
    }
    return {
        kind: "other",
        lines: [`${BACKEND_NAMES[d.id] ?? d.id} delegate ${d.plan}/${d.index}`, formatBytes(d.bytes)],
        sig: `${d.id}:${d.bytes}`,
    };
}
function engineIndices(inspection) {
    const out = new Map();
    inspection.delegates.forEach((d, i) => {
        if (d.payload.format === "tensorrt")
            out.set(i, out.size);
    });
    return out;
}
function mermaid_planSteps(inspection, plan) {
    const engines = engineIndices(inspection);
    // Older inspections (report@1 baselines) have no steps: fall back to the delegates in order.
    const steps = plan.steps ?? plan.delegates.map((delegate) => ({ kind: "delegate", delegate }));
    return steps.map((s) => describe(s, inspection, engines));
}
const CLASSES = {
    tensorrt: "fill:#e8f5e9,stroke:#2e7d32",
    cuda: "fill:#e3f2fd,stroke:#1565c0",
    xnnpack: "fill:#f3e5f5,stroke:#6a1b9a",
    kernels: "fill:#fff8e1,stroke:#f9a825",
    other: "fill:#eeeeee,stroke:#616161",
    io: "fill:#ffffff,stroke:#9e9e9e",
    changed: "stroke:#d84315,stroke-width:3px,stroke-dasharray:4 2",
};
/** The flowchart text (without the ```mermaid fence), one subgraph per plan when there are several. */
function partitionMermaid(inspection, options = {}) {
    const out = ["flowchart TD"];
    const used = new Set();
    const multiple = inspection.plans.length > 1;
    inspection.plans.forEach((plan, p) => {
        const id = (local) => `p${p}_${local}`;
        const indent = multiple ? "    " : "  ";
        if (multiple)
            out.push(`  subgraph ${id("plan")}["${mermaidText(`method ${plan.name}`)}"]`);
        const steps = mermaid_planSteps(inspection, plan);
        const basePlan = options.baseline?.plans.find((b) => b.name === plan.name) ?? null;
        const before = options.baseline && basePlan ? mermaid_planSteps(options.baseline, basePlan) : null;
        const inputs = plan.inputs.map((v, i) => `${i}: ${mermaid_ioText(v)}`);
        const outputs = plan.outputs.map((v, i) => `${i}: ${mermaid_ioText(v)}`);
        out.push(`${indent}${id("in")}(["${label(["inputs", ...inputs])}"])`);
        const ids = [id("in")];
        used.add("io");
        const marked = [];
        const seen = {};
        steps.forEach((step, i) => {
            const nth = (seen[step.kind] = (seen[step.kind] ?? 0) + 1);
            const old = before?.filter((b) => b.kind === step.kind)[nth - 1];
            const mark = before === null ? "" : old === undefined ? "new" : old.sig !== step.sig ? "changed" : "";
            const text = mark === ""
                ? step.lines
                : [...step.lines, mark === "new" ? "▲ new since baseline" : "Δ changed since baseline"];
            const node = id(`s${i}`);
            const shape = step.kind === "kernels" ? [`["`, `"]`] : [`[["`, `"]]`];
            out.push(`${indent}${node}${shape[0]}${label(text)}${shape[1]}`);
            out.push(`${indent}class ${node} ${step.kind}`);
            used.add(step.kind);
            if (mark !== "")
                marked.push(node);
            ids.push(node);
        });
        out.push(`${indent}${id("out")}(["${label(["outputs", ...outputs])}"])`);
        ids.push(id("out"));
        out.push(`${indent}class ${id("in")},${id("out")} io`);
        for (let i = 1; i < ids.length; i++)
            out.push(`${indent}${ids[i - 1]} --> ${ids[i]}`);
        if (before !== null) {
            const gone = [];
            const count = (list, kind) => list.filter((s) => s.kind === kind).length;
            for (const kind of new Set(before.map((b) => b.kind))) {
                const lost = count(before, kind) - count(steps, kind);
                if (lost > 0)
                    gone.push(`${lost} ${kind === "kernels" ? "kernel run" : `${kind} step`}${lost === 1 ? "" : "s"}`);
            }
            if (gone.length > 0) {
                out.push(`${indent}${id("gone")}>"${label([`removed since baseline: ${gone.join(", ")}`])}"]`);
                marked.push(id("gone"));
            }
        }
        if (marked.length > 0) {
            out.push(`${indent}class ${marked.join(",")} changed`);
            used.add("changed");
        }
        if (multiple)
            out.push("  end");
    });
    for (const [name, style] of Object.entries(CLASSES))
        if (used.has(name))
            out.push(`  classDef ${name} ${style}`);
    return `${out.join("\n")}\n`;
}
function label(lines) {
    return lines.map((l) => mermaidText(l)).join("<br/>");
}
/** The flowchart in a ```mermaid fence, for markdown. */
function mermaidBlock(inspection, options = {}) {
    return `\`\`\`mermaid\n${partitionMermaid(inspection, options)}\`\`\`\n`;
}

;// CONCATENATED MODULE: ./src/util/log-text.ts
// Text from a file or a program trt-pte does not control, made inert for the runner's log. The
// runner reads every line a step prints (stdout and stderr, split at \n, \r or \r\n) as a workflow
// command when, after leading whitespace, it starts with `::` (`::add-mask::`, `::error file=...`,
// `::stop-commands::`), or when it holds `##[` anywhere (the older syntax, still honoured). One
// invisible character (U+200B, which the runner does not trim) in front of each such `::`, and between
// `##` and `[`, leaves the line readable and unparsable. Everything trt-pte logs goes through here,
// in the log adapters (src/platform/github.ts, local.ts) and the CLI's output.
const ZWSP = "\u200b";
// The runner trims what .NET calls white space, which includes U+001C-U+001F and U+0085 besides \s.
// eslint-disable-next-line no-control-regex -- those separators are exactly what the runner trims
const COMMAND_START = /^([\s\u001c-\u001f\u0085]*)::/;
function inert(text) {
    return text
        .split(/\r\n|\r|\n/)
        .map((line) => line.replace(/##\[/g, `##${ZWSP}[`).replace(COMMAND_START, `$1${ZWSP}::`))
        .join("\n");
}
/** JSON for a log or a terminal: `##[` only occurs inside strings, where `\u005b` reads back the same. */
function inertJson(json) {
    return json.replace(/##\[/g, "##\\u005b");
}
// What a terminal acts on rather than shows: the C0 controls (ESC starts an escape sequence, BEL ends
// an OSC one, CR and LF move the cursor), DEL, the C1 controls (CSI and OSC in one character), and the
// bidirectional controls that make a line read other than it is.
// eslint-disable-next-line no-control-regex -- exactly the characters that must not reach a terminal
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/**
 * Text from a file or a service for a terminal: each control character shown as an escape (`\x1b`,
 * `\u202e`), so it can neither move the cursor, color, retitle nor rewrite what is shown.
 * `keepNewlines` leaves `\n` as it is, for whole messages whose own lines trt-pte made.
 */
function escapeControls(text, keepNewlines = false) {
    return text.replace(CONTROLS, (c) => {
        if (keepNewlines && c === "\n")
            return c;
        const n = c.charCodeAt(0);
        return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
    });
}

;// CONCATENATED MODULE: ./src/cli/output.ts
// Everything the CLI prints goes through here, made inert (src/util/log-text.ts): names and messages
// come from files (a .pte, a report.json, the driver) and the CLI may run in a workflow step, whose
// output the runner reads for commands. Text through `inert`; JSON through `inertJson`, which
// changes how `##[` is written, not what it decodes to.

function print(text) {
    process.stdout.write(inert(text));
}
/** `value` as indented JSON and a newline. */
function printJson(value) {
    process.stdout.write(`${inertJson(JSON.stringify(value, null, 2))}\n`);
}
function printError(text) {
    process.stderr.write(inert(text));
}

;// CONCATENATED MODULE: ./src/cli/flags.ts
// The CLI's manners with what a person types: `--help` after any command, a "did you mean" for a
// mistyped flag or command, and the action's inputs that mean nothing outside a workflow refused
// with the reason (their list lives in src/settings/inputs.ts, `actionOnly`).

/** Edit distance (insert, delete, substitute, swap two neighbours), for suggestions. */
function distance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    const at = (i, j) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                best = Math.min(best, at(i - 2, j - 2) + 1);
            d[i][j] = best;
        }
    }
    return at(a.length, b.length);
}
/** The candidate closest to `word`, when it is close enough to be what was meant. */
function closest(word, candidates) {
    let best = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const c of candidates) {
        const n = distance(word, c);
        if (n < bestDistance)
            [best, bestDistance] = [c, n];
    }
    return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}
const isHelp = (arg) => arg === "--help" || arg === "-h";
/** Why each action-only input is not a flag, by name. */
const ACTION_ONLY = new Map(INPUTS.flatMap((i) => (i.actionOnly === undefined ? [] : [[i.name, i.actionOnly]])));
/**
 * The first problem with the flags in `argv` (before `--`), as the message to print, or null.
 * `takesValue` names the flags whose next argument is their value (`--flag value`).
 */
function checkFlags(argv, known, takesValue) {
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i] ?? "";
        if (arg === "--")
            break;
        if (!arg.startsWith("--"))
            continue;
        const [name = "", value] = arg.slice(2).split("=", 2);
        const why = ACTION_ONLY.get(name);
        if (why !== undefined)
            return `--${name} is an input of the GitHub Action only: ${why}`;
        if (!known.includes(name)) {
            const guess = closest(name, known);
            return `unknown flag --${name}${guess === null ? "" : `; did you mean --${guess}?`}`;
        }
        if (value === undefined && takesValue(name))
            i++;
    }
    return null;
}

;// CONCATENATED MODULE: ./src/cli/inspect-command.ts
// `trt-pte inspect FILE.pte [--json] [--ptd FILE.ptd ...]`: what is inside a .pte, read by our own
// reader (src/pte/) without Python: plans, operators, delegates with TensorRT engine I/O and CUDA
// blobs, segments, bytes by kind. Without --ptd, the .ptd files beside the .pte are read. --mermaid
// prints the partition as the flowchart the job summary shows.







const INSPECT_USAGE = "trt-pte inspect FILE.pte [--json | --mermaid] [--ptd FILE.ptd ...]";
function inspectCommand(argv) {
    const problem = checkFlags(argv, ["json", "mermaid", "ptd"], (flag) => flag === "ptd");
    if (problem !== null) {
        printError(`trt-pte inspect: ${problem}\nUsage: ${INSPECT_USAGE}\n`);
        return 2;
    }
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({
            args: argv,
            options: {
                json: { type: "boolean" },
                mermaid: { type: "boolean" },
                ptd: { type: "string", multiple: true },
            },
            strict: true,
            allowPositionals: true,
        });
    }
    catch (e) {
        printError(`trt-pte inspect: ${e.message}\nUsage: ${INSPECT_USAGE}\n`);
        return 2;
    }
    if (parsed.values.json && parsed.values.mermaid) {
        printError(`trt-pte inspect: --json and --mermaid are two outputs; pick one\nUsage: ${INSPECT_USAGE}\n`);
        return 2;
    }
    const [file, ...extra] = parsed.positionals;
    if (file === undefined || extra.length > 0) {
        printError(`trt-pte inspect: expected one .pte file, got ${parsed.positionals.length}\nUsage: ${INSPECT_USAGE}\n`);
        return 2;
    }
    try {
        const inspection = inspectPte(file, parsed.values.ptd === undefined ? {} : { ptd: parsed.values.ptd });
        // Names come from the file: the output may be a workflow step's, so no line of it is a command.
        if (parsed.values.json)
            printJson(inspection);
        else
            print(parsed.values.mermaid ? partitionMermaid(inspection) : renderTree(inspection));
        return 0;
    }
    catch (error) {
        const code = error.code;
        if (code === "ENOENT" || code === "EISDIR" || code === "EACCES") {
            printError(`trt-pte inspect: cannot read ${error.path ?? file}: ${code}\n`);
            return 1;
        }
        printError(`${describeError(error)}\n`);
        return 1;
    }
}

;// CONCATENATED MODULE: ./src/settings/input-spec.ts
// The one parser of the `inputs` grammar (docs/action.md “Input specs”). The CLI and the action
// both parse here; the Python driver receives the parsed structure in its request and never
// re-parses text, so an error always points at the user's text with line and column.
//
//   inputs := spec ( ';' | newline ) spec ...
//   spec   := [ name '=' ] dtype '[' [ dim ( ',' dim )* ] ']'
//   dim    := [ symbol ':' ] ( N | MIN '..' MAX | MIN '..' OPT '..' MAX )
const DTYPES = [
    "float32",
    "float16",
    "bfloat16",
    "float64",
    "int64",
    "int32",
    "int16",
    "int8",
    "uint8",
    "bool",
];
/** The shape points example inputs are built at (MIN, OPT and MAX of every dimension). */
const SHAPE_POINTS = ["min", "opt", "max"];
/** Largest size accepted for one dimension: beyond this no real tensor fits in memory. */
const MAX_DIM = 2 ** 31 - 1;
class InputSpecError extends Error {
    line;
    column;
    detail;
    constructor(line, column, detail) {
        super(`inputs:${line}:${column}: ${detail}`);
        this.line = line;
        this.column = column;
        this.detail = detail;
        this.name = "InputSpecError";
    }
}
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const INTEGER = /[0-9]+/y;
/** A cursor over the whole text that knows line and column for error messages. */
class Cursor {
    text;
    pos = 0;
    constructor(text) {
        this.text = text;
    }
    where(pos = this.pos) {
        const before = this.text.slice(0, pos);
        const line = before.split("\n").length;
        const column = pos - (before.lastIndexOf("\n") + 1) + 1;
        return { line, column };
    }
    fail(detail, pos = this.pos) {
        const { line, column } = this.where(pos);
        throw new InputSpecError(line, column, detail);
    }
    /** Skips spaces and tabs (not newlines: a newline separates specs). */
    skipBlanks() {
        while (this.pos < this.text.length &&
            (this.text[this.pos] === " " || this.text[this.pos] === "\t" || this.text[this.pos] === "\r")) {
            this.pos++;
        }
    }
    peek() {
        return this.text[this.pos];
    }
    eat(token) {
        this.skipBlanks();
        if (this.text.startsWith(token, this.pos)) {
            this.pos += token.length;
            return true;
        }
        return false;
    }
    expect(token, what) {
        if (!this.eat(token))
            this.fail(`expected ${what}${this.describeHere()}`);
    }
    match(re) {
        this.skipBlanks();
        re.lastIndex = this.pos;
        const m = re.exec(this.text);
        if (!m)
            return null;
        this.pos += m[0].length;
        return m[0];
    }
    describeHere() {
        const c = this.peek();
        if (c === undefined)
            return ", found the end of the text";
        if (c === "\n")
            return ", found the end of the line";
        return `, found '${c}'`;
    }
}
function parseInteger(cur, what) {
    const start = (cur.skipBlanks(), cur.pos);
    const digits = cur.match(INTEGER);
    if (digits === null)
        cur.fail(`expected ${what}${cur.describeHere()}`);
    const value = Number(digits);
    if (!Number.isSafeInteger(value) || value > MAX_DIM)
        cur.fail(`${what} ${digits} is larger than ${MAX_DIM}`, start);
    return value;
}
function parseDim(cur, symbols) {
    cur.skipBlanks();
    const start = cur.pos;
    let symbol = null;
    const ident = cur.match(IDENT);
    if (ident !== null) {
        if (!cur.eat(":"))
            cur.fail(`expected ':' after dimension symbol '${ident}'${cur.describeHere()}`);
        symbol = ident;
    }
    const bounds = [parseInteger(cur, "a dimension size")];
    while (cur.eat("..")) {
        if (bounds.length === 3)
            cur.fail("a dimension has at most three bounds: MIN..OPT..MAX", cur.pos - 2);
        bounds.push(parseInteger(cur, "a dimension bound"));
    }
    const [min, second, third] = bounds;
    const max = third ?? second ?? min;
    const opt = third === undefined ? max : second;
    if (!(min <= opt && opt <= max)) {
        cur.fail(`dimension bounds must satisfy MIN <= OPT <= MAX, got ${min}..${opt}..${max}`, start);
    }
    const dynamic = bounds.length > 1 || symbol !== null;
    if (dynamic && min === max && bounds.length > 1) {
        cur.fail(`dimension ${min}..${max} has one value: write it as ${min} (static)`, start);
    }
    if (bounds.length > 1 && opt < 2) {
        // torch.export specialises a dimension traced at size 0 or 1, so the example must be >= 2.
        cur.fail(`the example size (OPT) of a dynamic dimension must be at least 2, got ${opt}`, start);
    }
    const dim = { symbol, min, opt, max };
    if (symbol !== null) {
        const seen = symbols.get(symbol);
        if (seen === undefined) {
            if (bounds.length === 1)
                cur.fail(`symbol '${symbol}' first appears without a range: give it MIN..MAX`, start);
            symbols.set(symbol, { dim, pos: start });
        }
        else if (bounds.length === 1 && min === seen.dim.opt) {
            // `b:4` after `b:1..4..8` repeats the symbol with its example size: same dimension.
            return { ...seen.dim };
        }
        else if (seen.dim.min !== min || seen.dim.opt !== opt || seen.dim.max !== max) {
            const w = cur.where(seen.pos);
            cur.fail(`symbol '${symbol}' is ${min}..${opt}..${max} here but ${seen.dim.min}..${seen.dim.opt}..${seen.dim.max} at ${w.line}:${w.column}; a shared symbol needs one range`, start);
        }
    }
    return dim;
}
function parseSpec(cur, symbols) {
    cur.skipBlanks();
    const start = cur.pos;
    const first = cur.match(IDENT);
    if (first === null)
        cur.fail(`expected a dtype or name=${cur.describeHere()}`);
    let name = null;
    let dtypeWord = first;
    let dtypePos = start;
    if (cur.eat("=")) {
        name = first;
        cur.skipBlanks();
        dtypePos = cur.pos;
        const word = cur.match(IDENT);
        if (word === null)
            cur.fail(`expected a dtype after '${name}='${cur.describeHere()}`);
        dtypeWord = word;
    }
    if (!DTYPES.includes(dtypeWord)) {
        cur.fail(`unknown dtype '${dtypeWord}' (expected one of ${DTYPES.join(", ")})`, dtypePos);
    }
    cur.expect("[", "'[' after the dtype");
    const dims = [];
    if (!cur.eat("]")) {
        do {
            dims.push(parseDim(cur, symbols));
        } while (cur.eat(","));
        cur.expect("]", "',' or ']'");
    }
    return { name, dtype: dtypeWord, dims };
}
/**
 * Parses the `inputs` text into specs. Blank lines and a trailing separator are allowed, so a YAML
 * block scalar works as written. Throws InputSpecError with the line and column of the mistake.
 */
function parseInputSpecs(text) {
    return parseInputSpecsAt(text).specs;
}
/** parseInputSpecs, with where each spec starts. */
function parseInputSpecsAt(text) {
    const cur = new Cursor(text);
    const specs = [];
    const positions = [];
    const symbols = new Map();
    const names = new Map();
    for (;;) {
        // Skip separators and blank lines between specs.
        for (;;) {
            cur.skipBlanks();
            const c = cur.peek();
            if (c === ";" || c === "\n")
                cur.pos++;
            else
                break;
        }
        if (cur.peek() === undefined)
            break;
        const start = cur.pos;
        const spec = parseSpec(cur, symbols);
        if (spec.name !== null) {
            const prev = names.get(spec.name);
            if (prev !== undefined) {
                const w = cur.where(prev);
                cur.fail(`keyword input '${spec.name}' is given twice (first at ${w.line}:${w.column})`, start);
            }
            names.set(spec.name, start);
        }
        specs.push(spec);
        positions.push(cur.where(start));
        cur.skipBlanks();
        const next = cur.peek();
        if (next !== undefined && next !== ";" && next !== "\n")
            cur.fail(`expected ';' or a new line between inputs${cur.describeHere()}`);
    }
    return { specs, positions };
}
/** Writes specs back in the grammar; parseInputSpecs(formatInputSpecs(s)) equals s. */
function formatInputSpecs(specs) {
    return specs
        .map((spec) => {
        const dims = spec.dims.map((d) => {
            const prefix = d.symbol === null ? "" : `${d.symbol}:`;
            if (d.min === d.max && d.symbol === null)
                return `${d.min}`;
            return d.opt === d.max ? `${prefix}${d.min}..${d.max}` : `${prefix}${d.min}..${d.opt}..${d.max}`;
        });
        return `${spec.name === null ? "" : `${spec.name}=`}${spec.dtype}[${dims.join(",")}]`;
    })
        .join("; ");
}
/**
 * Input specs read back from a report.json (data, not text, and maybe not ours): every spec when all
 * are well formed, else [] (they only shape the example tensors of the "Use it" section).
 */
function inputSpecsFromJson(value) {
    if (!Array.isArray(value) || value.length > 64)
        return [];
    const ident = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
    const size = (n) => typeof n === "number" && Number.isSafeInteger(n) && n >= 0 && n <= MAX_DIM;
    const specs = [];
    for (const raw of value) {
        const spec = raw;
        if (typeof spec !== "object" || spec === null)
            return [];
        const { name, dtype, dims } = spec;
        if (!DTYPES.includes(dtype))
            return [];
        if (name !== null && !(typeof name === "string" && ident.test(name)))
            return [];
        if (!Array.isArray(dims) || dims.length > 16)
            return [];
        const read = [];
        for (const d of dims) {
            if (typeof d !== "object" || d === null || !size(d.min) || !size(d.opt) || !size(d.max))
                return [];
            const symbol = d.symbol ?? null;
            if (symbol !== null && !(typeof symbol === "string" && ident.test(symbol)))
                return [];
            read.push({ symbol, min: d.min, opt: d.opt, max: d.max });
        }
        specs.push({ name, dtype: dtype, dims: read });
    }
    return specs;
}

;// CONCATENATED MODULE: ./src/compare/facts.ts
// The comparable facts of one build, read from a report.json of any schema (a baseline may be older
// than this run: trt-pte/report@1 has no benchmark, early ones no inspection) or from a .pte's
// Inspection alone (`trt-pte diff A.pte B.pte`). Every field is null where its source does not say.


function obj(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
}
function num(value) {
    return typeof value === "number" && Number.isFinite(value) ? value : null;
}
function str(value) {
    return typeof value === "string" ? value : null;
}
function list(value) {
    return Array.isArray(value) ? value : [];
}
function counts(value) {
    const o = obj(value);
    if (o === null)
        return null;
    const out = {};
    for (const [k, v] of Object.entries(o))
        if (num(v) !== null)
            out[k] = v;
    return out;
}
/** The facts a .pte's inspection holds: sizes, delegates, engines and kernels (no nodes, accuracy or timing). */
function inspectionFacts(inspection) {
    const delegates = {};
    for (const d of inspection.delegates)
        delegates[d.id] = (delegates[d.id] ?? 0) + 1;
    const engines = [];
    for (const d of inspection.delegates) {
        if (d.payload.format !== "tensorrt")
            continue;
        engines.push({
            bytes: d.payload.engine.bytes,
            inputs: d.payload.io_bindings.filter((b) => b.is_input).map(bindingText),
            outputs: d.payload.io_bindings.filter((b) => !b.is_input).map(bindingText),
        });
    }
    const payloads = {};
    for (const d of inspection.delegates) {
        const where = `${d.plan}/${d.index}`;
        if (d.payload.format === "cuda") {
            for (const k of d.payload.keys)
                payloads[`CUDA ${where} ${k.role}${k.found_in?.endsWith(".ptd") ? " (.ptd)" : ""}`] = k.bytes ?? 0;
        }
        else if (d.payload.format === "xnnpack") {
            payloads[`XNNPACK ${where}`] = d.bytes;
        }
        else if (d.payload.format !== "tensorrt") {
            payloads[`${d.id} ${where}`] = d.bytes;
        }
    }
    const kernels = {};
    for (const plan of inspection.plans)
        for (const op of plan.operators) {
            if (op.calls === 0)
                continue;
            const name = op.overload === "" ? op.name : `${op.name}.${op.overload}`;
            kernels[name] = (kernels[name] ?? 0) + op.calls;
        }
    const b = inspection.bytes_by_kind;
    return {
        pteBytes: inspection.file.bytes,
        ptdBytes: b.external_data,
        delegateBytes: b.delegates,
        constantBytes: b.constants,
        namedDataBytes: b.named_data,
        delegates,
        payloads,
        engines,
        kernels,
    };
}
/** The driver's own steps that built the files (`export.*`, without the accuracy check and benchmark). */
function exportSeconds(timings) {
    if (timings === null)
        return null;
    let total = null;
    for (const [k, v] of Object.entries(timings)) {
        if (!k.startsWith("export.") || /accuracy|benchmark/.test(k) || num(v) === null)
            continue;
        total = (total ?? 0) + v;
    }
    return total === null ? null : Math.round(total * 1000) / 1000;
}
/** A [low, high] pair of finite numbers in order, or null. */
function interval(value) {
    if (!Array.isArray(value) || value.length !== 2)
        return null;
    const [low, high] = [num(value[0]), num(value[1])];
    return low === null || high === null || low > high ? null : [low, high];
}
function vsBase(point) {
    const base = obj(point.base);
    const change = obj(base?.change);
    const baseMs = num(obj(base?.timing)?.median_ms);
    const [ratio, low, high, rounds] = [
        num(change?.ratio),
        num(change?.low),
        num(change?.high),
        num(change?.rounds),
    ];
    if (baseMs === null || ratio === null || low === null || high === null || !(low <= ratio && ratio <= high))
        return null;
    return { baseMs, ratio, low, high, rounds: rounds ?? 0 };
}
function latency(benchmark) {
    return list(benchmark?.points).flatMap((p) => {
        const point = obj(p);
        if (point === null)
            return [];
        return [
            {
                // Only a known shape point: the gates put it in their own words (src/compare/gates.ts).
                shape: SHAPE_POINTS.includes(point.shape) ? point.shape : "?",
                built: num(obj(point.built)?.median_ms),
                builtCi: interval(obj(point.built)?.median_ci),
                eager: num(obj(point.eager)?.median_ms),
                speedup: num(point.speedup),
                vsBase: vsBase(point),
            },
        ];
    });
}
function timedBase(benchmark) {
    const base = obj(benchmark?.base);
    const sha = str(base?.sha256);
    return base?.status === "timed" && sha !== null && /^[0-9a-f]{64}$/.test(sha) ? sha : null;
}
/** Facts from a parsed report.json; tolerant of older schemas and missing fields. */
function reportFacts(report) {
    const r = obj(report) ?? {};
    const inspection = obj(r.inspection);
    const fromFile = inspection !== null && obj(inspection.bytes_by_kind) !== null
        ? inspectionFacts(inspection)
        : null;
    const pte = obj(r.pte);
    const ptd = list(r.ptd).map((f) => num(obj(f)?.bytes));
    const accuracy = obj(r.accuracy);
    const checked = accuracy?.status === "checked" && num(accuracy.max_rel) !== null;
    const details = obj(r.details);
    const keptOut = list(obj(obj(details?.compile_settings))?.torch_executed_ops).filter((op) => typeof op === "string");
    const versions = {};
    for (const [k, v] of Object.entries(obj(r.versions) ?? {}))
        versions[k] = str(v);
    return {
        schema: str(r.schema),
        pteBytes: num(pte?.bytes) ?? fromFile?.pteBytes ?? null,
        sha256: str(pte?.sha256),
        ptdBytes: ptd.every((b) => b !== null)
            ? ptd.reduce((a, b) => a + (b ?? 0), 0)
            : (fromFile?.ptdBytes ?? null),
        delegateBytes: fromFile?.delegateBytes ?? null,
        constantBytes: fromFile?.constantBytes ?? null,
        namedDataBytes: fromFile?.namedDataBytes ?? null,
        delegates: fromFile?.delegates ?? null,
        payloads: fromFile?.payloads ?? null,
        engines: fromFile?.engines ?? null,
        nodes: counts(r.partition),
        kernels: fromFile?.kernels ?? null,
        keptOut,
        accuracy: checked ? { maxRel: accuracy.max_rel, maxAbs: num(accuracy.max_abs) ?? 0 } : null,
        latency: latency(obj(r.benchmark)),
        timedBaseSha256: timedBase(obj(r.benchmark)),
        exportSeconds: exportSeconds(obj(r.timings)),
        versions,
    };
}
/**
 * Two sides of different kinds (a .pte's inspection and a report.json) narrowed to what both know:
 * a fact one side cannot say is left out of both, so a diff never reads "unknown → 1.4.1" as a change
 * or an unknown as unchanged.
 */
function sharedFacts(a, b) {
    const narrow = (x, y) => {
        const out = { ...x };
        for (const key of Object.keys(out)) {
            if (x[key] === null || y[key] === null)
                out[key] = null;
        }
        if (x.latency.length === 0 || y.latency.length === 0)
            out.latency = [];
        if (x.schema === null || y.schema === null)
            out.keptOut = []; // only a report records them
        out.versions = Object.fromEntries(Object.entries(x.versions).filter(([k, v]) => v !== null && (y.versions[k] ?? null) !== null));
        return out;
    };
    return [narrow(a, b), narrow(b, a)];
}

;// CONCATENATED MODULE: ./src/compare/diff.ts
// The diff of two builds' facts (src/compare/facts.ts): what a reviewer asks of a model change. Pure
// data, rendered by src/compare/render.ts and stored as report.json's `diff`.
const TENSORRT = "TensorRTBackend";
function change(before, after) {
    const b = before ?? null;
    const a = after ?? null;
    const delta = a === null || b === null ? null : a - b;
    const percent = delta === null || b === 0 || b === null ? null : (delta / b) * 100;
    return { before: b, after: a, delta, percent };
}
function keyed(before, after) {
    if (before === null && after === null)
        return {};
    const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
    // A side that does not report the mapping at all is unknown, not zero.
    return Object.fromEntries(keys.map((k) => [
        k,
        change(before === null ? null : (before[k] ?? 0), after === null ? null : (after[k] ?? 0)),
    ]));
}
function sameList(a, b) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}
function engines(before, after) {
    if (before === null || after === null)
        return [];
    const out = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
        const b = before[i];
        const a = after[i];
        const io = {
            inputs: { before: b?.inputs ?? [], after: a?.inputs ?? [] },
            outputs: { before: b?.outputs ?? [], after: a?.outputs ?? [] },
        };
        const state = b === undefined
            ? "added"
            : a === undefined
                ? "removed"
                : a.bytes === b.bytes &&
                    sameList(io.inputs.before, io.inputs.after) &&
                    sameList(io.outputs.before, io.outputs.after)
                    ? "same"
                    : "changed";
        out.push({ index: i, state, bytes: change(b?.bytes, a?.bytes), ...io });
    }
    return out;
}
function verdict(interval) {
    if (interval === null)
        return "no_clear_change";
    return interval[0] > 1 ? "slower" : interval[1] < 1 ? "faster" : "no_clear_change";
}
/**
 * The built change at one point: from the paired rounds when this build timed the baseline's own
 * .pte beside it (`sameJob`), else from the two reports' medians and their intervals.
 */
function builtChange(b, a, sameJob) {
    if (sameJob && a.vsBase !== null) {
        const interval = [a.vsBase.low, a.vsBase.high];
        return {
            ratio: a.vsBase.ratio,
            interval,
            how: "same_job",
            verdict: verdict(interval),
            rounds: a.vsBase.rounds,
            before_ci: null,
            after_ci: null,
        };
    }
    if (b.built === null || a.built === null || b.built <= 0)
        return null;
    const interval = b.builtCi === null || a.builtCi === null || b.builtCi[0] <= 0
        ? null
        : [a.builtCi[0] / b.builtCi[1], a.builtCi[1] / b.builtCi[0]];
    return {
        ratio: a.built / b.built,
        interval,
        how: "across_runs",
        verdict: verdict(interval),
        rounds: null,
        before_ci: b.builtCi,
        after_ci: a.builtCi,
    };
}
/** `sameJob`: the after build timed the before build's .pte beside it (the digests match). */
function diff_latency(before, after, sameJob) {
    return after.latency.flatMap((a) => {
        const b = before.latency.find((p) => p.shape === a.shape);
        if (b === undefined)
            return [];
        const change_ = builtChange(b, a, sameJob);
        const builtBefore = change_?.how === "same_job" && a.vsBase !== null ? a.vsBase.baseMs : b.built;
        return [
            {
                shape: a.shape,
                built_median_ms: change(builtBefore, a.built),
                eager_median_ms: change(b.eager, a.eager),
                speedup: change(b.speedup, a.speedup),
                built_change: change_,
            },
        ];
    });
}
function kernelChanges(before, after) {
    if (before.kernels === null || after.kernels === null)
        return { added: [], removed: [] };
    const b = before.kernels;
    const a = after.kernels;
    return {
        added: Object.keys(a)
            .filter((k) => (a[k] ?? 0) > (b[k] ?? 0))
            .sort(),
        removed: Object.keys(b)
            .filter((k) => (b[k] ?? 0) > (a[k] ?? 0))
            .sort(),
    };
}
/**
 * The ops that left TensorRT, named where the reports know them: newly kept out by
 * `torch-executed-ops`, and (when TensorRT lost nodes) ops the file now runs as kernels that it did
 * not before. The CUDA delegate's ops are compiled code, so they cannot be named from the file.
 */
function opsLeftTensorRT(before, after, kernels) {
    const lost = (before.nodes?.[TENSORRT] ?? 0) > (after.nodes?.[TENSORRT] ?? 0);
    const keptOut = after.keptOut.filter((op) => !before.keptOut.includes(op));
    return [...new Set([...keptOut, ...(lost ? kernels.added : [])])].sort();
}
function versions(before, after) {
    const names = [...new Set([...Object.keys(before.versions), ...Object.keys(after.versions)])].sort();
    return names
        .map((name) => ({ name, before: before.versions[name] ?? null, after: after.versions[name] ?? null }))
        .filter((v) => v.before !== v.after);
}
function diffFacts(before, after) {
    const kernels = kernelChanges(before, after);
    return {
        size: {
            pte: change(before.pteBytes, after.pteBytes),
            delegates: change(before.delegateBytes, after.delegateBytes),
            constants: change(before.constantBytes, after.constantBytes),
            named_data: change(before.namedDataBytes, after.namedDataBytes),
            ptd: change(before.ptdBytes, after.ptdBytes),
        },
        delegates: keyed(before.delegates, after.delegates),
        engines: engines(before.engines, after.engines),
        payloads: keyed(before.payloads, after.payloads),
        nodes: keyed(before.nodes, after.nodes),
        ops_left_tensorrt: opsLeftTensorRT(before, after, kernels),
        kernels,
        accuracy: before.accuracy === null && after.accuracy === null
            ? null
            : {
                max_rel: change(before.accuracy?.maxRel, after.accuracy?.maxRel),
                max_abs: change(before.accuracy?.maxAbs, after.accuracy?.maxAbs),
            },
        latency: diff_latency(before, after, after.timedBaseSha256 !== null && before.sha256 !== null && after.timedBaseSha256 === before.sha256),
        export_seconds: change(before.exportSeconds, after.exportSeconds),
        versions: versions(before, after),
    };
}

;// CONCATENATED MODULE: ./src/util/size.ts
// The one grammar for sizes in settings (workspace-size, cache-dir-max-size, engine-cache-max-size and
// the size gate's absolute form): bytes, or a number with a binary unit, `1048576`, `500MiB`, `2 GiB`,
// `20G`, `1.5k`. Every unit is a binary multiple (1 KiB = 1024 B), written with or without `iB`;
// `KB`/`MB`/`GB` are refused, since people mean 1000 by them as often as 1024.
const UNITS = new Map([
    ["", 1],
    ["b", 1],
    ...["k", "m", "g", "t"].flatMap((u, i) => {
        const scale = 2 ** (10 * (i + 1));
        return [
            [u, scale],
            [`${u}ib`, scale],
        ];
    }),
]);
/** What a size error's hint says, whichever input it is. */
const SIZE_HINT = "write bytes, or a number with a binary unit: 1048576, 512MiB, 20GiB";
/** Bytes (rounded to whole bytes), or null when `text` is not a size. Zero is a size. */
function parseSize(text) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
    const scale = UNITS.get(m?.[2]?.toLowerCase() ?? "?");
    if (m === null || scale === undefined)
        return null;
    return Math.round(Number(m[1]) * scale);
}

;// CONCATENATED MODULE: ./src/settings/gate-limits.ts
// The regression gates' limits, off by default: each bounds how much worse a build may be than its
// baseline. Parsed with the other settings, so a bad limit fails before any work; judged by
// src/compare/gates.ts. Gates never enter the cache key: they judge a build, they do not make one.


const PERCENT = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/;
const GATES = [
    { gate: "size", input: "max-size-increase", key: "size", absolute: parseSize, example: "10% or 5MiB" },
    {
        gate: "latency",
        input: "max-latency-increase",
        key: "latency",
        absolute: (t) => {
            const m = /^\s*(\d+(?:\.\d+)?)\s*ms\s*$/.exec(t);
            return m === null ? null : Number(m[1]);
        },
        example: "15% or 2ms",
    },
    {
        gate: "tensorrt-nodes",
        input: "max-tensorrt-nodes-lost",
        key: "tensorrtNodes",
        absolute: (t) => (/^\s*\d+\s*$/.test(t) ? Number(t) : null),
        example: "0, 3 or 10%",
    },
    {
        gate: "accuracy",
        input: "max-error-increase",
        key: "accuracy",
        absolute: (t) => (/^\s*(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?\s*$/i.test(t) ? Number(t) : null),
        example: "50% or 1e-4",
    },
];
function parseLimit(input, raw) {
    const text = raw.trim();
    if (text === "")
        return undefined;
    const def = GATES.find((g) => g.input === input);
    if (def === undefined)
        throw new Error(`internal: no gate input ${input}`);
    const percent = PERCENT.exec(text);
    if (percent !== null)
        return { kind: "percent", value: Number(percent[1]), text };
    const value = def.absolute(text);
    if (value === null || !Number.isFinite(value) || value < 0)
        throw new SettingsError(input, `'${raw}' is not a limit`, `write it like ${def.example}, or leave it empty for no gate`);
    return { kind: "absolute", value, text };
}
function readGateSettings(get) {
    const out = {};
    for (const def of GATES) {
        const limit = parseLimit(def.input, get(def.input));
        if (limit !== undefined)
            out[def.key] = limit;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/compare/gates.ts
// Judges the regression gates (src/settings/gate-limits.ts) on a diff: one verdict per gate that is
// set. A tripped gate fails the job only after the files are written and published (src/main.ts).



/** How much worse `c` is, in the limit's terms (positive = worse); null when unknown. */
function worsening(c, limit, sign = 1) {
    if (c.delta === null)
        return null;
    if (limit.kind === "absolute")
        return sign * c.delta;
    if (c.before === null || c.before === 0)
        return sign * c.delta > 0 ? Infinity : 0;
    return (sign * c.delta * 100) / Math.abs(c.before);
}
function amount(value, limit, unit) {
    if (!Number.isFinite(value))
        return "from 0";
    const sign = value >= 0 ? "+" : "−";
    return limit.kind === "percent"
        ? `${sign}${Math.abs(value).toFixed(1)}%`
        : `${sign}${unit(Math.abs(value))}`;
}
const plain = (n) => String(+n.toPrecision(4));
function judge(def, limit, measured) {
    const base = { gate: def.gate, input: def.input, limit: limit.text };
    if (measured === null)
        return { ...base, state: "skipped", detail: "not measured in both builds" };
    const worse = worsening(measured.change, limit, measured.sign);
    if (worse === null)
        return { ...base, state: "skipped", detail: `${measured.what}: not known in both builds` };
    const state = worse > limit.value ? "fail" : "pass";
    return {
        ...base,
        state,
        detail: `${measured.what} ${amount(worse, limit, measured.unit)} (limit ${limit.text})`,
    };
}
/** A signed percentage: `+4%`, `−18%`, `+0.5%`. */
function signedPercent(ratio) {
    const p = (ratio - 1) * 100;
    const digits = Math.abs(p) < 1 ? 1 : 0;
    const text = Math.abs(p).toFixed(digits);
    return `${p < 0 && Number(text) !== 0 ? "−" : "+"}${text}%`;
}
/**
 * The change's interval in words. Same job it is the paired rounds' 95% interval. Across runs it is
 * [after low / before high, after high / before low] from two independent 95% intervals: it holds
 * when both do (at least 90%), so it is named for what it is, not called a 95% CI.
 */
function intervalText(c) {
    const range = `${signedPercent(c.interval[0])}…${signedPercent(c.interval[1])}`;
    return c.how === "same_job" ? `95% CI ${range}` : `${range} from both runs' 95% CIs`;
}
/** `+4% (95% CI −1…+9%, same job)`, the words a reviewer reads. */
function changeText(c) {
    const how = c.how === "same_job" ? "same job" : "across runs";
    const ci = c.interval === null ? "no interval" : intervalText({ ...c, interval: c.interval });
    return `${signedPercent(c.ratio)} (${ci}, ${how})`;
}
/**
 * max-latency-increase: trips only when the increase exceeds the limit with 95% confidence (the
 * interval's low end is above it); passes when even its high end is within the limit; otherwise it
 * could not tell, which is a warning, never a pass. The point that decides is named.
 */
function judgeLatency(def, limit, diff) {
    const base = { gate: def.gate, input: def.input, limit: limit.text };
    // How much worse, in the limit's terms, at a ratio r of the built median: percent, or ms from before.
    const points = diff.latency.flatMap((p) => {
        const c = p.built_change;
        const before = p.built_median_ms.before;
        if (c === null || before === null)
            return [];
        const worse = (r) => (limit.kind === "percent" ? (r - 1) * 100 : before * (r - 1));
        const [low, high] = c.interval === null ? [null, null] : [worse(c.interval[0]), worse(c.interval[1])];
        return [{ p, c, low, high }];
    });
    if (points.length === 0)
        return { ...base, state: "skipped", detail: "built latency: not timed in both builds" };
    const what = (x) => `built median at ${x.p.shape} ${changeText(x.c)}`;
    const failing = points.filter((x) => x.low !== null && x.low > limit.value);
    if (failing.length > 0) {
        const worst = failing.reduce((a, b) => ((b.low ?? 0) > (a.low ?? 0) ? b : a));
        return {
            ...base,
            state: "fail",
            detail: `${what(worst)}: above the limit ${limit.text} with 95% confidence`,
        };
    }
    const unclear = points.filter((x) => x.high === null || x.high > limit.value);
    if (unclear.length > 0) {
        const worst = unclear.find((x) => x.high === null) ??
            unclear.reduce((a, b) => ((b.high ?? 0) > (a.high ?? 0) ? b : a));
        const why = worst.c.interval === null
            ? "a report has no interval (written before report@3), so it cannot tell"
            : `its interval straddles the limit ${limit.text}, so it cannot tell`;
        return { ...base, state: "unclear", detail: `${what(worst)}: ${why}` };
    }
    const worst = points.reduce((a, b) => ((b.high ?? 0) > (a.high ?? 0) ? b : a));
    return {
        ...base,
        state: "pass",
        detail: `${what(worst)}: within the limit ${limit.text} with 95% confidence`,
    };
}
/** One verdict per gate that is set; none when no gate is set. */
function judgeGates(gates, diff) {
    const verdicts = [];
    for (const def of GATES) {
        const limit = gates[def.key];
        if (limit === undefined)
            continue;
        if (diff === null) {
            verdicts.push({
                gate: def.gate,
                input: def.input,
                limit: limit.text,
                state: "skipped",
                detail: "no baseline to compare with",
            });
            continue;
        }
        const shipped = {
            change: sumChange(diff.size.pte, diff.size.ptd),
            what: ".pte + .ptd size",
            unit: formatBytes,
        };
        if (def.gate === "latency") {
            verdicts.push(judgeLatency(def, limit, diff));
            continue;
        }
        const nodes = diff.nodes[TENSORRT];
        const measured = def.gate === "size"
            ? shipped
            : def.gate === "tensorrt-nodes"
                ? nodes === undefined
                    ? null
                    : { change: nodes, what: "TensorRT nodes lost", unit: plain, sign: -1 }
                : diff.accuracy === null
                    ? null
                    : { change: diff.accuracy.max_rel, what: "max relative error", unit: plain };
        verdicts.push(judge(def, limit, measured));
    }
    return verdicts;
}
function sumChange(a, b) {
    const before = a.before === null ? null : a.before + (b.before ?? 0);
    const after = a.after === null ? null : a.after + (b.after ?? 0);
    const delta = before === null || after === null ? null : after - before;
    return { before, after, delta, percent: delta === null || !before ? null : (delta / before) * 100 };
}
function trippedGates(verdicts) {
    return verdicts.filter((v) => v.state === "fail");
}

;// CONCATENATED MODULE: ./src/compare/render.ts
// The comparison as markdown for the job summary, the sticky comment and the reusable workflow's
// report: a compact "vs `main`" list, one line per fact that changed, ▲/▼ with percentages, short
// enough to read on a phone. Every name from the model or the event goes through code.



const BACKENDS = {
    TensorRTBackend: "TensorRT",
    CudaBackend: "CUDA",
    XnnpackBackend: "XNNPACK",
    undelegated: "undelegated",
};
const ORDER = ["TensorRTBackend", "CudaBackend", "XnnpackBackend"];
/** A backend id (read from the .pte, so the model's to choose) as its short name, or as code. */
function backendName(id, style) {
    return BACKENDS[id] ?? style.code(id);
}
/** The packages the driver reports; any other name came from somewhere else and is code. */
const KNOWN_VERSIONS = new Set([
    "torch",
    "torch_tensorrt",
    "tensorrt",
    "executorch",
    "python",
    "cuda",
    "driver",
]);
function byBackend(a, b) {
    const rank = (k) => (k === "undelegated" ? 99 : ORDER.includes(k) ? ORDER.indexOf(k) : 50);
    return rank(a) - rank(b) || a.localeCompare(b);
}
function signed(value, unit) {
    return `${value > 0 ? "+" : value < 0 ? "−" : "±"}${unit(Math.abs(value))}`;
}
/** `▲ +700 B (+28.2%)`, `▼ −2 (−16.7%)`, or `=`. */
function arrow(c, unit = String) {
    if (c.delta === null)
        return "";
    if (c.delta === 0)
        return "=";
    const pct = c.percent === null ? "" : ` (${c.percent > 0 ? "+" : "−"}${formatPercent(Math.abs(c.percent))})`;
    return `${c.delta > 0 ? "▲" : "▼"} ${signed(c.delta, unit)}${pct}`;
}
function formatPercent(p) {
    return `${p >= 100 ? Math.round(p) : p >= 10 ? p.toFixed(1) : p.toFixed(2)}%`;
}
const NUMBER = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });
function sci(x) {
    return x === 0 ? "0" : Math.abs(x) < 1e-3 || Math.abs(x) >= 1e4 ? x.toExponential(1) : NUMBER.format(x);
}
const ms = (x) => `${NUMBER.format(x)} ms`;
const seconds = (x) => `${NUMBER.format(x)} s`;
function ciText(ci) {
    return ci === null ? "" : ` (${NUMBER.format(ci[0])}–${NUMBER.format(ci[1])})`;
}
/**
 * The built latency's change, the way a reviewer acts on it: same job, `built 0.46 → 0.48 ms, +4%
 * (95% CI −1…+9%): no clear change`; across runs each side's own interval, `built 0.46 (0.45–0.47)
 * → 0.48 (0.47–0.50) ms, …, across runs`. ▲/▼ only for a change beyond the interval.
 */
function builtLatency(p) {
    const c = p.built_change;
    if (c === null)
        return `built ${fromTo(p.built_median_ms, ms)}`;
    const side = (v, ci) => v === null ? "?" : `${NUMBER.format(v)}${ciText(ci)}`;
    const sides = `${side(p.built_median_ms.before, c.before_ci)} → ${side(p.built_median_ms.after, c.after_ci)} ms`;
    const how = c.how === "same_job" ? `same job, ${c.rounds ?? "?"} paired rounds` : "across runs";
    if (c.interval === null)
        return `built ${sides}, ${signedPercent(c.ratio)} (no interval: a report from before report@3) · ${how}`;
    const ci = intervalText({ ...c, interval: c.interval });
    const arrow_ = c.verdict === "slower" ? "▲ " : c.verdict === "faster" ? "▼ " : "";
    const said = c.verdict === "no_clear_change" ? ": no clear change" : "";
    return `built ${sides}, ${arrow_}${signedPercent(c.ratio)} (${ci})${said} · ${how}`;
}
function fromTo(c, unit) {
    const side = (v) => (v === null ? "?" : unit(v));
    return `${side(c.before)} → ${side(c.after)} ${arrow(c, unit)}`.trimEnd();
}
function changed(c) {
    return c !== undefined && c.delta !== null && c.delta !== 0;
}
const MARKDOWN = { strong: (t) => `**${t}**`, code: format_code };
/** Plain text: control characters shown as escapes, so a name from the file cannot start a new line. */
const TEXT = {
    strong: (t) => `${t}:`,
    code: (t) => escapeControls(t),
};
/** The changed lines of a diff, as markdown bullets (without the heading); `same` lists what did not change. */
function diffLines(diff, style = MARKDOWN) {
    const lines = [];
    const same = [];
    const s = diff.size;
    const shipped = s.pte;
    if (changed(shipped)) {
        const parts = [];
        for (const [name, c] of [
            ["delegates", s.delegates],
            ["constants", s.constants],
            ["named data", s.named_data],
            [".ptd", s.ptd],
        ]) {
            if (changed(c))
                parts.push(`${name} ${signed(c.delta ?? 0, formatBytes)}`);
        }
        lines.push(`${style.strong(".pte")} ${fromTo(shipped, formatBytes)}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}`);
    }
    else {
        if (shipped.delta === 0)
            same.push("size");
        if (changed(s.ptd))
            lines.push(`${style.strong(".ptd")} ${fromTo(s.ptd, formatBytes)}`);
    }
    const nodes = Object.entries(diff.nodes)
        .filter(([, c]) => changed(c))
        .sort(([a], [b]) => byBackend(a, b));
    if (nodes.length > 0) {
        lines.push(`${style.strong("Nodes")} ${nodes.map(([k, c]) => `${backendName(k, style)} ${fromTo(c, String)}`).join(" · ")}`);
    }
    else if (Object.keys(diff.nodes).length > 0)
        same.push("nodes");
    if (diff.ops_left_tensorrt.length > 0)
        lines.push(`${style.strong("Left TensorRT")} ${diff.ops_left_tensorrt.map((n) => style.code(n)).join(", ")}`);
    if (diff.kernels.added.length > 0 || diff.kernels.removed.length > 0) {
        const k = diff.kernels;
        const parts = [
            ...k.added.map((op) => `+${style.code(op)}`),
            ...k.removed.map((op) => `−${style.code(op)}`),
        ];
        lines.push(`${style.strong("Kernels")} ${parts.join(", ")}`);
    }
    const delegates = Object.entries(diff.delegates)
        .filter(([, c]) => changed(c))
        .sort(([a], [b]) => byBackend(a, b));
    if (delegates.length > 0)
        lines.push(`${style.strong("Delegates")} ${delegates.map(([k, c]) => `${backendName(k, style)} ${fromTo(c, String)}`).join(" · ")}`);
    const engines = diff.engines.filter((e) => e.state !== "same");
    for (const e of engines) {
        const list = (names) => names.map((n) => style.code(n)).join(", ") || "–";
        const io = (side) => `${list(e.inputs[side])} → ${list(e.outputs[side])}`;
        // Only the side that changed, before ⇒ after: short enough for a phone.
        const ioChanges = ["inputs", "outputs"]
            .filter((k) => list(e[k].before) !== list(e[k].after))
            .map((k) => `${k} ${list(e[k].before)} ⇒ ${list(e[k].after)}`);
        const what = e.state === "added"
            ? `added, ${formatBytes(e.bytes.after ?? 0)}: ${io("after")}`
            : e.state === "removed"
                ? `removed (was ${formatBytes(e.bytes.before ?? 0)})`
                : [fromTo(e.bytes, formatBytes), ...ioChanges].join("; ");
        lines.push(`${style.strong(`TensorRT engine ${e.index}`)} ${what}`);
    }
    if (diff.engines.length > 0 && engines.length === 0)
        same.push("engines");
    const payloads = Object.entries(diff.payloads ?? {}).filter(([, c]) => changed(c));
    if (payloads.length > 0)
        lines.push(`${style.strong("Payloads")} ${payloads.map(([k, c]) => `${style.code(k)} ${fromTo(c, formatBytes)}`).join(" · ")}`);
    if (diff.accuracy !== null) {
        if (changed(diff.accuracy.max_rel))
            lines.push(`${style.strong("Max rel error")} ${fromTo(diff.accuracy.max_rel, sci)}`);
        else if (diff.accuracy.max_rel.delta === 0)
            same.push("accuracy");
    }
    for (const p of diff.latency) {
        const parts = [builtLatency(p)];
        if (p.eager_median_ms.delta !== null)
            parts.push(`eager ${fromTo(p.eager_median_ms, ms)}`);
        lines.push(`${style.strong("Latency")} at ${style.code(p.shape)} (median): ${parts.join(" · ")}`);
    }
    if (changed(diff.export_seconds))
        lines.push(`${style.strong("Export")} ${fromTo(diff.export_seconds, seconds)}`);
    if (diff.versions.length > 0)
        lines.push(`${style.strong("Versions")} ${diff.versions.map((v) => `${KNOWN_VERSIONS.has(v.name) ? v.name : style.code(v.name)} ${v.before === null ? "–" : style.code(v.before)} → ${v.after === null ? "–" : style.code(v.after)}`).join(" · ")}`);
    return { lines, same };
}
const GATE_ICON = { pass: "✅", fail: "❌", unclear: "⚠️", skipped: "➖" };
const GATE_WORD = {
    pass: "passed",
    fail: "**tripped**",
    unclear: "could not tell",
    skipped: "skipped",
};
function gateLines(verdicts) {
    return verdicts.map((v) => `${GATE_ICON[v.state]} \`${v.input}: ${v.limit}\` ${GATE_WORD[v.state]}: ${v.detail}`);
}
function heading(view) {
    const ref = view.baseline?.ref ?? view.comparison.base_ref;
    const base = `vs ${ref === null ? "baseline" : format_code(ref)}`;
    const b = view.baseline;
    if (b === null)
        return base;
    const run = b.run === null ? "" : ` · [run ${b.run.run_id}](${b.run.url})`;
    return `${base}${run} · ${format_code(b.pte_sha256.slice(0, 12))}`;
}
/** Why there is no diff, in words; the branch name is the event's, so it is code. */
function noteText(c) {
    if (c.state === "off")
        return "Comparison is off (`compare: false`).";
    if (c.state === "no_baseline")
        return c.base_ref === null
            ? "No branch to compare with: this is neither a push nor a pull request build."
            : `No build of ${format_code(c.base_ref)} to compare with yet.`;
    return `The baseline${c.base_ref === null ? "" : ` of ${format_code(c.base_ref)}`} could not be read; see the log.`;
}
/** The whole section, or "" when comparison is off and no gate is set. */
function renderComparison(view, level = "####") {
    const off = view.comparison.state === "off";
    if (off && view.gates.length === 0)
        return "";
    const out = [`${level} ${off ? "Regression gates" : heading(view)}`, ""];
    if (view.comparison.advisory !== undefined)
        out.push(`⚠️ ${view.comparison.advisory}`, "");
    if (view.diff === null) {
        out.push(noteText(view.comparison));
    }
    else {
        const { lines, same } = diffLines(view.diff);
        if (lines.length === 0)
            out.push("No change in what was measured.");
        for (const l of lines)
            out.push(`- ${l}`);
        if (same.length > 0 && lines.length > 0)
            out.push(`- Unchanged: ${same.join(", ")}`);
        if (view.comparison.latency)
            out.push(`- ${view.comparison.latency}`);
    }
    if (view.gates.length > 0) {
        if (!off)
            out.push("", "**Gates**");
        out.push("");
        for (const l of gateLines(view.gates))
            out.push(`- ${l}`);
    }
    return `${out.join("\n")}\n`;
}
/**
 * What changed against the baseline in a few words, for a rollup's one line per model: the size
 * change of what ships, then the names of the other facts that moved (the section has the details),
 * a tripped gate first.
 */
function changeSummary(state, diff, gates) {
    const tripped = gates.filter((g) => g.state === "fail").map((g) => `❌ ${g.input}`);
    const parts = [];
    if (diff === null) {
        parts.push(state === "off" ? "not compared" : state === "no_baseline" ? "no baseline yet" : "baseline unreadable");
    }
    else {
        const shipped = diff.size.pte;
        if (changed(shipped))
            parts.push(`.pte ${arrow(shipped, formatBytes)}`);
        else if (changed(diff.size.ptd))
            parts.push(`.ptd ${arrow(diff.size.ptd, formatBytes)}`);
        if (Object.values(diff.nodes).some(changed) || diff.ops_left_tensorrt.length > 0)
            parts.push("partition");
        if (diff.engines.some((e) => e.state !== "same"))
            parts.push("engines");
        if (diff.accuracy !== null && changed(diff.accuracy.max_rel))
            parts.push("accuracy");
        const latency = diff.latency.find((p) => changed(p.built_median_ms));
        if (latency !== undefined)
            parts.push(`latency ${arrow(latency.built_median_ms, ms)}`);
        if (diff.versions.length > 0)
            parts.push("versions");
        if (parts.length === 0)
            parts.push("no change");
    }
    return [...tripped, ...parts].join(", ");
}

;// CONCATENATED MODULE: ./src/util/hash.ts


/** sha256 (lowercase hex) and size of a file, streamed so memory stays flat for multi-GB engines. */
async function hashFile(file) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)("sha256");
    let bytes = 0;
    for await (const chunk of (0,external_node_fs_namespaceObject.createReadStream)(file, { highWaterMark: 4 << 20 })) {
        hash.update(chunk);
        bytes += chunk.length;
    }
    return { hex: hash.digest("hex"), bytes };
}
async function sha256File(file) {
    return (await hashFile(file)).hex;
}
/**
 * The digest of a set of named files: sha256 over one `name\0<sha256 hex>\n` line per file, in the
 * order given (callers sort), so a renamed, added, removed or changed file changes it.
 */
function manifestDigest(entries) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)("sha256");
    for (const [name, hex] of entries)
        hash.update(`${name}\0${hex}\n`);
    return hash.digest("hex");
}

;// CONCATENATED MODULE: ./src/cli/diff-command.ts
// `trt-pte diff A B [--json] [--max-size-increase 10% ...]`: what changed from build A to build B,
// for two .pte files (the .ptd files beside each are read) or two report.json files. The same diff
// the action puts in the summary; with a .pte it is delegate-aware: TensorRT engines and their I/O,
// CUDA blobs and where they live, XNNPACK payloads, the kernels the file calls. Exit 0 unless a
// gate is given and trips (1), or the arguments are wrong (2).












const DIFF_USAGE = `trt-pte diff A B [--json] [${GATES.map((g) => `--${g.input} LIMIT`).join("] [")}]`;
// @2: each latency point's built_change (the change with its interval, same job or across runs) and
// the gate state `unclear`.
const DIFF_SCHEMA = "trt-pte/diff@2";
async function facts(file) {
    if (file.endsWith(".json"))
        return reportFacts(JSON.parse(external_node_fs_default().readFileSync(file, "utf8")));
    const inspection = inspectPte(file);
    return {
        schema: null,
        sha256: await sha256File(file),
        nodes: null,
        keptOut: [],
        accuracy: null,
        latency: [],
        timedBaseSha256: null,
        exportSeconds: null,
        versions: {},
        ...inspectionFacts(inspection),
    };
}
function usage(message) {
    printError(`trt-pte diff: ${message}\nUsage: ${DIFF_USAGE}\n`);
    return 2;
}
async function diffCommand(argv) {
    const options = { json: { type: "boolean" } };
    for (const g of GATES)
        options[g.input] = { type: "string" };
    const problem = checkFlags(argv, Object.keys(options), (flag) => options[flag]?.type === "string");
    if (problem !== null)
        return usage(problem);
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({ args: argv, options, strict: true, allowPositionals: true });
    }
    catch (e) {
        return usage(e.message);
    }
    const [fileA, fileB, ...extra] = parsed.positionals;
    if (fileA === undefined || fileB === undefined || extra.length > 0)
        return usage(`expected two files (A and B), got ${parsed.positionals.length}`);
    const values = parsed.values;
    try {
        const gates = readGateSettings((name) => {
            const v = values[name];
            return typeof v === "string" ? v : "";
        });
        const sides = [await facts(fileA), await facts(fileB)];
        // A .pte against a report: only what both can say (a .pte records no nodes, accuracy or versions).
        const [a, b] = fileA.endsWith(".json") === fileB.endsWith(".json") ? sides : sharedFacts(...sides);
        const diff = diffFacts(a, b);
        const verdicts = judgeGates(gates, diff);
        if (values.json === true) {
            const side = (file, f) => ({ file, sha256: f.sha256, schema: f.schema });
            const doc = {
                schema: DIFF_SCHEMA,
                a: side(fileA, a),
                b: side(fileB, b),
                diff,
                gates: verdicts,
            };
            printJson(doc);
        }
        else {
            const { lines, same } = diffLines(diff, TEXT);
            const out = [`${TEXT.code(fileA)} → ${TEXT.code(fileB)}`];
            if (lines.length === 0)
                out.push("  no change in what was measured");
            for (const l of lines)
                out.push(`  ${l}`);
            if (same.length > 0 && lines.length > 0)
                out.push(`  unchanged: ${same.join(", ")}`);
            if (verdicts.length > 0)
                out.push("gates:", ...gateLines(verdicts).map((l) => `  ${l.replace(/`/g, "")}`));
            print(`${out.join("\n")}\n`);
        }
        const tripped = trippedGates(verdicts);
        if (tripped.length > 0) {
            printError(`regression: ${tripped.map((g) => `${g.input} ${g.limit}: ${g.detail}`).join("; ")}\n`);
            return 1;
        }
        return 0;
    }
    catch (error) {
        const code = error.code;
        if (code === "ENOENT" || code === "EISDIR" || code === "EACCES") {
            printError(`trt-pte diff: cannot read ${error.path ?? "a file"}: ${code}\n`);
            return 1;
        }
        if (error instanceof SyntaxError) {
            printError(`trt-pte diff: a .json argument is not a report.json: ${error.message}\n`);
            return 1;
        }
        printError(`${error instanceof TrtPteError ? `trt-pte diff: ${describeError(error)}` : describeError(error)}\n`);
        return error instanceof TrtPteError && error.kind === "settings" ? 2 : 1;
    }
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
var promises_default = /*#__PURE__*/__nccwpck_require__.n(promises_namespaceObject);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: ./src/util/unzip.ts
// Reading a zip archive on disk (an artifact GitHub served zipped), entry by entry, without holding it
// in memory: the central directory at the end lists the entries, each is streamed out of its place
// in the file (stored, or deflated through zlib). zip64 is read for archives and entries over 4 GiB.
// Only what an artifact zip holds is taken: plain files with plain names; anything else is refused.
// An entry is written only up to the size the zip lists for it, and only when that size is within
// what the caller allows, so a zip cannot fill the disk by declaring or inflating to more.





class ZipError extends Error {
}
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 10_000;
async function read(handle, position, length) {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, position);
    if (bytesRead !== length)
        throw new ZipError("the zip ends early");
    return buf;
}
function u64(buf, at) {
    const value = buf.readBigUInt64LE(at);
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
        throw new ZipError("a zip64 field is out of range");
    return Number(value);
}
/** The entries the central directory lists. */
async function zipEntries(file) {
    const handle = await promises_default().open(file, "r");
    try {
        const { size } = await handle.stat();
        // The end record is 22 bytes plus a comment of at most 65535.
        const tailLength = Math.min(size, 22 + 0xffff);
        const tail = await read(handle, size - tailLength, tailLength);
        let eocd = -1;
        for (let i = tail.length - 22; i >= 0; i--) {
            if (tail.readUInt32LE(i) === EOCD) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0)
            throw new ZipError("not a zip: no end of central directory");
        let count = tail.readUInt16LE(eocd + 10);
        let cdSize = tail.readUInt32LE(eocd + 12);
        let cdOffset = tail.readUInt32LE(eocd + 16);
        const locatorAt = eocd - 20;
        if (locatorAt >= 0 && tail.readUInt32LE(locatorAt) === ZIP64_LOCATOR) {
            const record = await read(handle, u64(tail, locatorAt + 8), 56);
            if (record.readUInt32LE(0) !== ZIP64_EOCD)
                throw new ZipError("a broken zip64 end record");
            count = u64(record, 32);
            cdSize = u64(record, 40);
            cdOffset = u64(record, 48);
        }
        if (count > MAX_ENTRIES)
            throw new ZipError(`the zip lists ${count} entries`);
        if (cdOffset + cdSize > size)
            throw new ZipError("the central directory lies outside the file");
        const cd = await read(handle, cdOffset, cdSize);
        const entries = [];
        let at = 0;
        for (let i = 0; i < count; i++) {
            if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL)
                throw new ZipError("a broken central directory");
            const method = cd.readUInt16LE(at + 10);
            let compressedSize = cd.readUInt32LE(at + 20);
            let entrySize = cd.readUInt32LE(at + 24);
            const nameLength = cd.readUInt16LE(at + 28);
            const extraLength = cd.readUInt16LE(at + 30);
            const commentLength = cd.readUInt16LE(at + 32);
            let localOffset = cd.readUInt32LE(at + 42);
            const name = cd.toString("utf8", at + 46, at + 46 + nameLength);
            // zip64 extra field (id 1): the 64-bit values of the saturated fields, in this order.
            let extra = at + 46 + nameLength;
            const extraEnd = extra + extraLength;
            while (extra + 4 <= extraEnd) {
                const id = cd.readUInt16LE(extra);
                const length = cd.readUInt16LE(extra + 2);
                if (id === 1) {
                    let p = extra + 4;
                    if (entrySize === 0xffffffff) {
                        entrySize = u64(cd, p);
                        p += 8;
                    }
                    if (compressedSize === 0xffffffff) {
                        compressedSize = u64(cd, p);
                        p += 8;
                    }
                    if (localOffset === 0xffffffff)
                        localOffset = u64(cd, p);
                }
                extra += 4 + length;
            }
            entries.push({ name, method, compressedSize, size: entrySize, localOffset });
            at = extraEnd + commentLength;
        }
        return entries;
    }
    finally {
        await handle.close();
    }
}
/** Counts what passes, and stops a stream that would write more than the entry says it holds. */
function limit(max, name) {
    let seen = 0;
    return new external_node_stream_namespaceObject.Transform({
        transform(chunk, _encoding, done) {
            seen += chunk.length;
            if (seen > max)
                done(new ZipError(`${name} inflates past the ${max} bytes the zip lists`));
            else
                done(null, chunk);
        },
        flush(done) {
            done(seen === max ? null : new ZipError(`${name} holds ${seen} bytes, the zip lists ${max}`));
        },
    });
}
/**
 * Writes one entry's content to `target` (stored or deflated), checked against its listed size, which
 * must be at most `maxBytes`.
 */
async function extractEntry(file, entry, target, maxBytes = Number.POSITIVE_INFINITY) {
    if (entry.size > maxBytes) {
        throw new ZipError(`${entry.name} unpacks to ${entry.size} bytes, more than the ${maxBytes} allowed`);
    }
    if (entry.method !== 0 && entry.method !== 8) {
        throw new ZipError(`${entry.name} uses compression method ${entry.method} (only stored and deflate are read)`);
    }
    const handle = await promises_default().open(file, "r");
    let start;
    try {
        const local = await read(handle, entry.localOffset, 30);
        if (local.readUInt32LE(0) !== LOCAL)
            throw new ZipError(`${entry.name}: a broken local header`);
        start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    }
    finally {
        await handle.close();
    }
    const source = entry.compressedSize === 0
        ? external_node_stream_namespaceObject.Readable.from([])
        : external_node_fs_default().createReadStream(file, { start, end: start + entry.compressedSize - 1 });
    const sink = external_node_fs_default().createWriteStream(target, { flags: "wx" });
    if (entry.method === 8)
        await (0,external_node_stream_promises_namespaceObject.pipeline)(source, (0,external_node_zlib_namespaceObject.createInflateRaw)(), limit(entry.size, entry.name), sink);
    else
        await (0,external_node_stream_promises_namespaceObject.pipeline)(source, limit(entry.size, entry.name), sink);
}

;// CONCATENATED MODULE: ./src/gather/fork-run.ts
// Whether a fork's run built what its result files say. The fork-PR commenter
// (workflows/comment-fork-prs.yml) downloads `trt-pte-result-*` files from a run whose workflow file
// the fork could rewrite: a job on a hosted runner can upload files of that name with no GPU, no fork
// gate and no reviewer. So before it shows them, it asks GitHub, with its own token, two things a fork
// cannot forge: that the run succeeded, and that a required reviewer approved the fork gate's
// environment for that run (the run's review history). What it cannot confirm, it says, and shows
// none of the files' claims.



/**
 * The environment the reusable workflow's fork gate waits on (.github/workflows/compile-pte.yml,
 * job `fork-gate`, where the name is fixed; test/gather/ checks the two agree).
 */
const FORK_GATE_ENVIRONMENT = "trt-pte-fork-pr";
function octokitRunReviews(octokit, repository) {
    const [owner = "", repo = ""] = repository.split("/");
    return {
        async run(runId) {
            const { data } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId });
            return { status: data.status, conclusion: data.conclusion };
        },
        async approvals(runId) {
            const { data } = await octokit.rest.actions.getReviewsForRun({ owner, repo, run_id: runId });
            return data;
        },
    };
}
function apiProblem(what, error) {
    const status = error.status;
    const hint = status === 401 || status === 403 || status === 404 ? "; give the commenter's job `actions: read`" : "";
    return `${what} could not be read (${errorMessage(error)})${hint}`;
}
/** Asks GitHub whether run `runId` succeeded and a required reviewer approved its fork gate. */
async function checkForkRun(api, runId) {
    const unconfirmed = [];
    try {
        const run = await api.run(runId);
        if (run.status !== "completed")
            unconfirmed.push(`the run has not completed (status ${format_code(String(run.status))})`);
        else if (run.conclusion !== "success")
            unconfirmed.push(`the run did not succeed (conclusion ${format_code(String(run.conclusion))})`);
    }
    catch (error) {
        unconfirmed.push(apiProblem("the run", error));
    }
    const approvedBy = [];
    try {
        for (const review of await api.approvals(runId)) {
            const gate = review.environments.some((e) => e.name === FORK_GATE_ENVIRONMENT);
            if (gate && review.state === "approved")
                approvedBy.push(review.user?.login ?? "");
        }
        if (approvedBy.length === 0)
            unconfirmed.push(`no required reviewer of the ${format_code(FORK_GATE_ENVIRONMENT)} environment approved the run (its fork gate)`);
    }
    catch (error) {
        unconfirmed.push(apiProblem("the run's review history", error));
    }
    return unconfirmed.length === 0
        ? { confirmed: true, approvedBy: [...new Set(approvedBy)].filter((l) => l !== "") }
        : { confirmed: false, unconfirmed };
}
/** The label every section of a confirmed fork run carries: whose report it is. */
function forkRunLabel(check) {
    const who = check.approvedBy.length === 0 ? "" : ` by ${check.approvedBy.map((l) => code(l)).join(", ")}`;
    return `*The fork run's own report (its build approved${who}, a reviewer of ${code(FORK_GATE_ENVIRONMENT)}).*`;
}
/** What the commenter posts instead of a fork run's results it could not confirm: no ✅, no claims. */
function unconfirmedForkNote(unconfirmed, links) {
    return [
        `### trt-pte: the results of run ${links.runId} are not shown`,
        "",
        "This pull request comes from a fork, whose run can upload result files of its own making. trt-pte shows " +
            `them only when GitHub confirms that the run succeeded and that a required reviewer of the ${code(FORK_GATE_ENVIRONMENT)} ` +
            "environment approved its build. It could not confirm that:",
        "",
        ...unconfirmed.map((u) => `- ${u}`),
        "",
        `See [the run](${runUrl(links)}) for what happened.`,
    ].join("\n");
}

;// CONCATENATED MODULE: ./src/github/sticky-comment.ts
// One sticky comment per marker on a pull request: found by its hidden marker (an HTML comment,
// invisible when rendered) and updated in place on each push, created only the first time. Only
// comments written by a bot account count, so a person who pastes the marker into a comment of
// their own can neither have it edited by us nor pass it off as ours later.
// Used by the action (one comment per model and target, or one per call with `config`) and by the
// reusable workflow's report step (one comment per call).
function octokitIssueComments(octokit) {
    return {
        async *list({ owner, repo, number }) {
            const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
                owner,
                repo,
                issue_number: number,
                per_page: 100,
            });
            for await (const page of pages)
                yield* page.data;
        },
        async create({ owner, repo, number }, body) {
            return (await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body })).data;
        },
        async update({ owner, repo }, id, body) {
            return (await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data;
        },
    };
}
/** Every trt-pte comment's marker starts so (the action's per build, the report step's per call). */
const MARKER_PREFIX = "<!-- trt-pte:";
/**
 * A hidden line naming the run a comment reports on: how `trt-pte fetch --pr` finds the pull
 * request's newest builds without reading the rendered links.
 */
function runMarker(runId) {
    return `<!-- trt-pte:run id=${runId} -->`;
}
/** The run IDs a comment's run markers name. */
function runsOfComment(body) {
    return [...body.matchAll(/^<!-- trt-pte:run id=([0-9]{1,20}) -->$/gm)].map((m) => m[1] ?? "");
}
// GitHub refuses comment bodies over 65536 characters. The renderers fit their sections below it
// (src/util/fit-markdown.ts); this is the last guard, and it too cuts only between lines, so no code
// span of untrusted text is ever left open.
const MAX_BODY = 65_000;
function withMarker(marker, body) {
    const full = `${marker}\n${body}`;
    if (full.length <= MAX_BODY)
        return full;
    const cut = full.lastIndexOf("\n", MAX_BODY - 80);
    return `${full.slice(0, cut)}\n\n… (cut: the comment was too long; the job summary has all of it)\n`;
}
async function upsertStickyComment(api, target, marker, body) {
    const [written] = await upsertStickyComments(api, target, [{ marker, body }]);
    if (written === undefined)
        throw new Error("no comment was written");
    return written;
}
/**
 * Several sticky comments on one pull request, in order. The pull request's comments are listed
 * once for all of them (not once per marker), and the listing stops as soon as every marker is found.
 */
async function upsertStickyComments(api, target, comments) {
    const wanted = new Set(comments.map((c) => c.marker));
    const found = new Map();
    if (wanted.size > 0) {
        for await (const comment of api.list(target)) {
            if (comment.user?.type !== "Bot")
                continue;
            const text = comment.body ?? "";
            for (const marker of wanted)
                if (!found.has(marker) && text.startsWith(marker))
                    found.set(marker, comment.id);
            if (found.size === wanted.size)
                break;
        }
    }
    const written = [];
    for (const { marker, body } of comments) {
        const text = withMarker(marker, body);
        const id = found.get(marker);
        if (id !== undefined) {
            const updated = await api.update(target, id, text);
            written.push({ id: updated.id, url: updated.html_url, action: "updated" });
        }
        else {
            const created = await api.create(target, text);
            found.set(marker, created.id);
            written.push({ id: created.id, url: created.html_url, action: "created" });
        }
    }
    return written;
}
/** A refusal that means "this token may not write here" rather than a broken request. */
function isPermissionError(e) {
    const status = e.status;
    return (status === 403 ||
        status === 404 ||
        (e instanceof Error && /Resource not accessible by integration/i.test(e.message)));
}

;// CONCATENATED MODULE: ./src/fetch/trust.ts
// Which runs `trt-pte fetch` takes builds from. A run's artifacts are whatever its jobs uploaded, and a
// pull request's run executes the workflow files of the pull request's own commit: a fork can rewrite
// them so that a job on a hosted runner uploads `x.pte` with a matching `x.report.json`, and every
// digest then checks out. So the bytes' checks prove nothing about who built them; which run they come
// from does. fetch takes a run's builds when:
//
// - the run's code is the repository's own (its `head_repository` is the repository asked for) and
//   no fork's pull request is involved; for `--branch`, also only runs of the events that build the
//   branch itself (BRANCH_EVENTS), never a pull request's run, whose head branch may carry any name;
// - otherwise (a fork's run, or any run for a fork's pull request) only when GitHub confirms what the
//   fork-PR commenter confirms before it shows a fork run's results (src/gather/fork-run.ts): the run
//   succeeded, and a required reviewer of the `trt-pte-fork-pr` environment approved its fork gate.

/**
 * The events whose runs build a branch of the repository itself, from its own commits: a push to it,
 * a manual or a scheduled run on it. Not `pull_request` or `pull_request_target` (a pull request's
 * head branch, a fork's included, can be called `main`), nor `workflow_run` (its head branch and
 * commit are the triggering run's, which can be a fork's), nor `merge_group` or `release` (their head
 * branch is a merge queue's branch or a tag, never the branch asked for).
 */
const BRANCH_EVENTS = ["push", "workflow_dispatch", "schedule"];
function sameRepository(a, b) {
    return a !== "" && a.toLowerCase() === b.toLowerCase();
}
function headRepository(run) {
    const name = run.head_repository?.full_name;
    return typeof name === "string" ? name : "";
}
function isBranchEvent(event) {
    return BRANCH_EVENTS.includes(event ?? "");
}
/**
 * A REST failure as a plain error: checkForkRun words the problem itself, and its hint is the
 * commenter job's; fetch's own hint (the token's `actions: read`) comes with the error it ends in.
 */
async function trust_plain(call) {
    try {
        return await call;
    }
    catch (e) {
        throw new Error(e.message, { cause: e });
    }
}
function runReviews(rest, repo) {
    return {
        run: (id) => trust_plain(rest.json(`/repos/${repo}/actions/runs/${id}`, `run ${id}`)),
        approvals: (id) => trust_plain(rest.json(`/repos/${repo}/actions/runs/${id}/approvals`, `the review history of run ${id}`)),
    };
}
/**
 * Whether fetch takes run `run`'s builds. `fork` is the fork a pull request comes from (its head
 * repository, when that is not `repo`), or null: every run for a fork's pull request needs the fork
 * gate's approval, whatever repository GitHub says its code came from.
 */
async function trustRun(rest, repo, run, fork) {
    const head = headRepository(run);
    if (fork === null && sameRepository(head, repo))
        return { trusted: true };
    const check = await checkForkRun(runReviews(rest, repo), run.id);
    if (check.confirmed)
        return { trusted: true };
    const origin = !sameRepository(head, repo)
        ? head === ""
            ? "from a repository GitHub no longer has (a deleted fork)"
            : `from fork ${head}`
        : `for the pull request of fork ${fork}`;
    return { trusted: false, why: `run ${run.id} is ${origin}, and ${check.unconfirmed.join("; ")}` };
}

;// CONCATENATED MODULE: ./src/fetch/find.ts
// Which run holds the newest trt-pte builds of a pull request, a run or a branch, through the REST
// API. A build is the artifacts one export uploaded (src/settings/names.ts): `<name>.report.json`
// marks it, `<name>.pte` and `<name>--*.ptd` are its files. A pull request's builds are found through
// trt-pte's own comments on it (a bot's comment whose hidden run line names the run,
// src/github/sticky-comment.ts), else through the runs of its head commit; a branch's through the
// runs of its newest commit that has any. Only runs fetch trusts count (src/fetch/trust.ts); a run
// with builds that is passed over is named, with why, in `skipped`.




/** The runs looked at, at most, for a pull request's head commit or a branch (per event for a branch). */
const MAX_RUNS = 30;
function describeSource(source) {
    return "pr" in source
        ? `pull request #${source.pr}`
        : "run" in source
            ? `run ${source.run}`
            : `branch ${source.branch}`;
}
async function buildsOfRun(rest, repo, runId) {
    const artifacts = new Map();
    for await (const a of rest.list(`/repos/${repo}/actions/runs/${runId}/artifacts`, `the artifacts of run ${runId}`, "artifacts")) {
        if (typeof a?.name === "string" && Number.isSafeInteger(a.id))
            artifacts.set(a.name, a);
    }
    const names = [...artifacts.keys()].map(buildOfReportArtifact).filter((n) => n !== null);
    return names.sort().map((name) => ({ name, runId, artifacts }));
}
/**
 * Builds of several runs, newest run first: a name seen in a newer run hides older ones. A run without
 * builds is passed over unasked; one with builds counts only when `trust` says so.
 */
async function newestBuilds(rest, repo, runIds, trust) {
    const byName = new Map();
    const skipped = [];
    for (const runId of [...new Set(runIds)].sort((a, b) => b - a)) {
        const builds = await buildsOfRun(rest, repo, runId);
        if (builds.length === 0)
            continue;
        const verdict = await trust(runId);
        if (!verdict.trusted) {
            skipped.push(verdict.why);
            continue;
        }
        for (const build of builds)
            if (!byName.has(build.name))
                byName.set(build.name, build);
    }
    return { builds: [...byName.values()], skipped };
}
async function runsOf(rest, repo, query, what) {
    const runs = [];
    for await (const run of rest.list(`/repos/${repo}/actions/runs`, what, "workflow_runs", query)) {
        if (Number.isSafeInteger(run?.id))
            runs.push(run);
        if (runs.length >= MAX_RUNS)
            break;
    }
    return runs;
}
async function getRun(rest, repo, runId) {
    return rest.json(`/repos/${repo}/actions/runs/${runId}`, `run ${runId}`);
}
async function ofPullRequest(rest, repo, pr) {
    const pull = await rest.json(`/repos/${repo}/pulls/${pr}`, `pull request #${pr}`);
    const head = pull.head?.repo?.full_name ?? "";
    // A pull request whose head repository is not this one (or is gone) comes from a fork.
    const fork = sameRepository(head, repo) ? null : head || "a deleted fork";
    const known = new Map();
    const trust = async (runId) => trustRun(rest, repo, known.get(runId) ?? (await getRun(rest, repo, runId)), fork);
    const runIds = [];
    for await (const comment of rest.list(`/repos/${repo}/issues/${pr}/comments`, `the comments of pull request #${pr}`, null)) {
        // Only a bot's comment counts, as for the sticky comment itself: a person can paste a marker.
        const body = comment?.body ?? "";
        if (comment?.user?.type === "Bot" && body.startsWith(MARKER_PREFIX))
            runIds.push(...runsOfComment(body).map(Number));
    }
    const skipped = [];
    if (runIds.length > 0) {
        const named = await newestBuilds(rest, repo, runIds, trust);
        skipped.push(...named.skipped);
        if (named.builds.length > 0)
            return {
                builds: named.builds,
                searched: `the runs trt-pte's comments on pull request #${pr} name`,
                skipped,
            };
    }
    const sha = pull.head?.sha ?? "";
    if (!/^[0-9a-f]{40,64}$/.test(sha))
        throw new TrtPteError("settings", `pull request #${pr} of ${repo} has no head commit`);
    const runs = await runsOf(rest, repo, { head_sha: sha }, `the runs of commit ${sha.slice(0, 7)}`);
    for (const run of runs)
        known.set(run.id, run);
    const ofCommit = await newestBuilds(rest, repo, runs.map((r) => r.id), trust);
    // A run the comments named and the commit has too is said once.
    for (const why of ofCommit.skipped)
        if (!skipped.includes(why))
            skipped.push(why);
    return {
        builds: ofCommit.builds,
        searched: `trt-pte's comments on pull request #${pr} and the ${runs.length} runs of its head commit ${sha.slice(0, 7)}`,
        skipped,
    };
}
async function ofBranch(rest, repo, branch) {
    // GitHub's `branch` filter matches a run's head branch whatever repository it came from, a fork's
    // pull request named `main` included: so only the events that build the branch itself are asked
    // for, one at a time (the filter takes one), and only the repository's own runs are kept.
    const listed = [];
    for (const event of BRANCH_EVENTS)
        listed.push(...(await runsOf(rest, repo, { branch, event }, `the ${event} runs of branch ${branch}`)));
    const runs = listed
        .filter((r) => isBranchEvent(r.event) && r.head_branch === branch)
        .sort((a, b) => b.id - a.id);
    const byId = new Map(runs.map((r) => [r.id, r]));
    const trust = async (runId) => {
        const head = headRepository(byId.get(runId) ?? { id: runId, head_sha: "" });
        return sameRepository(head, repo)
            ? { trusted: true }
            : {
                trusted: false,
                why: `run ${runId} is from ${head || "a deleted repository"}, not ${repo}`,
            };
    };
    // Newest commit first (runs are sorted newest first): the first commit with a build wins.
    const commits = [...new Set(runs.map((r) => r.head_sha))];
    const skipped = [];
    for (const sha of commits) {
        const found = await newestBuilds(rest, repo, runs.filter((r) => r.head_sha === sha).map((r) => r.id), trust);
        skipped.push(...found.skipped);
        if (found.builds.length > 0)
            return {
                builds: found.builds,
                searched: `the runs of commit ${sha.slice(0, 7)} on branch ${branch}`,
                skipped,
            };
    }
    return {
        builds: [],
        searched: `the ${runs.length} newest ${BRANCH_EVENTS.join("/")} runs of branch ${branch}`,
        skipped,
    };
}
async function ofRun(rest, repo, runId) {
    // A run asked for by its ID may still be a fork's: it counts only as a fork's run approved would.
    const found = await newestBuilds(rest, repo, [runId], async () => trustRun(rest, repo, await getRun(rest, repo, runId), null));
    return { ...found, searched: `run ${runId}` };
}
async function findBuilds(rest, repo, source) {
    if ("pr" in source)
        return ofPullRequest(rest, repo, source.pr);
    if ("branch" in source)
        return ofBranch(rest, repo, source.branch);
    return ofRun(rest, repo, source.run);
}

;// CONCATENATED MODULE: ./src/fetch/limit.ts
// How much one `trt-pte fetch` writes at most: every download and everything unzipped from one count
// against it, so an artifact (or a zip that declares or inflates to more than it holds) cannot fill
// the disk. Far above any real build: a large TensorRT .pte with its .ptd files is a few GiB.


const MAX_FETCH_BYTES = 64 * 1024 ** 3;
/** The error for `what`, which would take the fetch past `limit` bytes written. */
function tooLarge(what, limit, detail) {
    return new TrtPteError("verification", `${what}: ${detail}, past the ${formatBytes(limit)} one trt-pte fetch writes at most`, "nothing was written; fetch fewer builds at once (--model, --gpu), or check the run: no trt-pte build is that large");
}
/** What one fetch has left to write. */
class ByteBudget {
    limit;
    used = 0;
    constructor(limit = MAX_FETCH_BYTES) {
        this.limit = limit;
    }
    get left() {
        return this.limit - this.used;
    }
    spend(bytes) {
        this.used += bytes;
    }
}

;// CONCATENATED MODULE: ./src/fetch/rest.ts
// The few REST calls `trt-pte fetch` makes, on Node's own fetch: JSON GETs with the token, pages
// followed through the Link header, and an artifact's download, whose 302 to storage is followed by
// hand so the token never goes to the storage host (the signed URL needs none). GITHUB_API_URL picks
// GitHub Enterprise Server. Nothing here prints the token or a signed URL.






const DEFAULT_API_URL = "https://api.github.com";
/** A REST answer other than the one expected: its status and GitHub's message. */
class RestError extends TrtPteError {
    status;
    what;
    constructor(status, what, message, hint) {
        super("settings", `${what}: ${message}`, hint);
        this.status = status;
        this.what = what;
        this.name = "RestError";
    }
}
/** An artifact GitHub no longer keeps (410 Gone). */
class ExpiredError extends RestError {
}
const rest_MAX_PAGES = 20;
async function messageOf(response) {
    try {
        const body = (await response.json());
        if (typeof body.message === "string")
            return `${response.status} ${body.message.slice(0, 300)}`;
    }
    catch {
        // not JSON: the status is all there is to say
    }
    return `${response.status} ${response.statusText}`;
}
function nextLink(response) {
    const link = response.headers.get("link") ?? "";
    return /<([^>]+)>;\s*rel="next"/.exec(link)?.[1] ?? null;
}
class GitHubRest {
    token;
    base;
    constructor(apiUrl, token) {
        this.token = token;
        this.base = apiUrl.replace(/\/+$/, "");
    }
    headers() {
        return {
            accept: "application/vnd.github+json",
            authorization: `Bearer ${this.token}`,
            "user-agent": "trt-pte-fetch",
            "x-github-api-version": "2022-11-28",
        };
    }
    url(path, query = {}) {
        const url = new URL(`${this.base}${path}`);
        for (const [k, v] of Object.entries(query))
            url.searchParams.set(k, String(v));
        return url.toString();
    }
    async get(url, what, redirect = "follow") {
        let response;
        try {
            response = await fetch(url, { headers: this.headers(), redirect });
        }
        catch (e) {
            throw new RestError(0, what, `cannot reach ${new URL(url).host} (${e.message})`, apiHint());
        }
        return response;
    }
    refuse(status, what, message) {
        if (status === 401) {
            throw new RestError(status, what, message, "the token is not valid for this host: set a current one in GH_TOKEN");
        }
        if (status === 403 || status === 404) {
            throw new RestError(status, what, message, "check the repository's name, and that the token may read it and its Actions (a fine-grained token needs `actions: read`, a classic one `repo` for a private repository)");
        }
        throw new RestError(status, what, message);
    }
    /** One JSON document. */
    async json(path, what, query) {
        const response = await this.get(this.url(path, query), what);
        if (!response.ok)
            this.refuse(response.status, what, await messageOf(response));
        return (await response.json());
    }
    /** Every item of a listing, page after page (at most MAX_PAGES); `key` names the array in an object page. */
    async *list(path, what, key, query = {}) {
        let url = this.url(path, { per_page: 100, ...query });
        for (let page = 0; url !== null && page < rest_MAX_PAGES; page++) {
            const response = await this.get(url, what);
            if (!response.ok)
                this.refuse(response.status, what, await messageOf(response));
            const body = (await response.json());
            const items = key === null ? body : body[key];
            if (!Array.isArray(items))
                throw new RestError(response.status, what, "GitHub answered without a list");
            yield* items;
            url = nextLink(response);
        }
    }
    /**
     * Downloads an artifact into `file`: GET …/actions/artifacts/{id}/zip answers 302 to storage, which
     * is fetched without the token. Hashes the bytes as they arrive, and stops past what `budget` has
     * left (its caller spends what arrived).
     */
    async download(path, what, file, budget = new ByteBudget()) {
        const answer = await this.get(this.url(path), what, "manual");
        if (answer.status === 410) {
            throw new ExpiredError(410, what, `${await messageOf(answer)}: GitHub no longer keeps it`, "artifacts last as long as the workflow's retention-days: re-run the workflow to build it again");
        }
        const location = answer.headers.get("location");
        if (answer.status !== 302 || location === null) {
            if (answer.ok || (answer.status >= 300 && answer.status < 400)) {
                throw new RestError(answer.status, what, `expected a redirect to storage, got ${answer.status}`);
            }
            this.refuse(answer.status, what, await messageOf(answer));
        }
        await answer.body?.cancel();
        let response;
        try {
            // No token: the signed URL is the credential, and storage is another host.
            response = await fetch(location, { headers: { "user-agent": "trt-pte-fetch" } });
        }
        catch (e) {
            throw new RestError(0, what, `cannot reach the artifact's storage (${e.message})`);
        }
        if (!response.ok || response.body === null) {
            // The storage URL is signed: name its host only.
            throw new RestError(response.status, what, `storage at ${new URL(location).host} answered ${response.status}`);
        }
        const hash = (0,external_node_crypto_namespaceObject.createHash)("sha256");
        let bytes = 0;
        const tap = new external_node_stream_namespaceObject.Transform({
            transform(chunk, _encoding, done) {
                bytes += chunk.length;
                if (bytes > budget.left)
                    return done(tooLarge(what, budget.limit, "the download runs on"));
                hash.update(chunk);
                done(null, chunk);
            },
        });
        await (0,external_node_stream_promises_namespaceObject.pipeline)(external_node_stream_namespaceObject.Readable.fromWeb(response.body), tap, external_node_fs_default().createWriteStream(file, { flags: "wx" }));
        return {
            file,
            contentType: (response.headers.get("content-type") ?? "").replace(/;.*$/s, "").trim().toLowerCase(),
            sha256: hash.digest("hex"),
            bytes,
        };
    }
}
function apiHint() {
    return "check the network, and GITHUB_API_URL for GitHub Enterprise Server (https://HOST/api/v3)";
}

;// CONCATENATED MODULE: ./src/fetch/build-report.ts
// The report.json `trt-pte fetch` downloads with a build, read as data: the files it lists with their
// sha256 (what every download is checked against), and what the .pte needs to run. Each field is
// checked before use; a report that does not read is an error naming what is wrong.


function object(value, where) {
    if (typeof value !== "object" || value === null || Array.isArray(value))
        throw bad(`${where} is not an object`);
    return value;
}
function bad(problem) {
    return new TrtPteError("verification", `report.json does not read: ${problem}`);
}
function build_report_text(obj, key, where, required = true) {
    const value = obj[key];
    if (value === undefined || value === null) {
        if (required)
            throw bad(`${where}.${key} is missing`);
        return "";
    }
    if (typeof value !== "string" || value.length > 1000)
        throw bad(`${where}.${key} is not a string`);
    return value;
}
function listed(value, where) {
    const f = object(value, where);
    const sha256 = build_report_text(f, "sha256", where);
    if (!/^[0-9a-f]{64}$/.test(sha256))
        throw bad(`${where}.sha256 is not a sha256`);
    const bytes = f.bytes;
    if (typeof bytes !== "number" || !Number.isSafeInteger(bytes) || bytes < 0)
        throw bad(`${where}.bytes is not a size`);
    return { name: build_report_text(f, "name", where), sha256, bytes };
}
function build_report_versions(value) {
    const out = {};
    for (const [k, v] of Object.entries(object(value ?? {}, "versions"))) {
        if (typeof v === "string" && v.length <= 100)
            out[k] = v;
    }
    return out;
}
function parseBuildReport(raw) {
    const report = object(raw, "the report");
    const ptd = report.ptd ?? [];
    if (!Array.isArray(ptd) || ptd.length > 64)
        throw bad("ptd is not a list of files");
    let gpu = null;
    if (report.gpu !== null && report.gpu !== undefined) {
        const g = object(report.gpu, "gpu");
        gpu = {
            name: build_report_text(g, "name", "gpu", false),
            compute_capability: build_report_text(g, "compute_capability", "gpu", false),
            driver_version: build_report_text(g, "driver_version", "gpu", false),
        };
    }
    const details = object(report.details ?? {}, "details");
    return {
        artifactName: build_report_text(report, "artifact_name", "report"),
        modelName: build_report_text(report, "model_name", "report", false),
        model: build_report_text(report, "model", "report", false),
        target: build_report_text(report, "target", "report"),
        gpuName: build_report_text(report, "gpu_name", "report", false),
        pte: listed(report.pte, "pte"),
        ptd: ptd.map((f, i) => listed(f, `ptd[${i}]`)),
        versions: build_report_versions(report.versions),
        gpu,
        details: { compile_settings: details.compile_settings ?? {} },
        inputs: inputSpecsFromJson(report.inputs),
    };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/fetch/token.ts
// Where `trt-pte fetch` gets its token, as the GitHub CLI does: GH_TOKEN, then GITHUB_TOKEN, then
// the GitHub CLI's own login for the API's host (`gh auth token --hostname HOST`) when gh is there.
// The token is only ever handed to the REST client; no message names its value.



/** The web host of an API URL: api.github.com → github.com; https://HOST/api/v3 → HOST. */
function hostOfApi(apiUrl) {
    const host = new URL(apiUrl).host;
    return host === "api.github.com" ? "github.com" : host.replace(/^api\./, "");
}
function findToken(env) {
    for (const name of ["GH_TOKEN", "GITHUB_TOKEN"]) {
        const value = env[name]?.trim();
        if (value)
            return { value, source: name };
    }
    const host = hostOfApi(env.GITHUB_API_URL || DEFAULT_API_URL);
    // gh as the environment finds it (its PATH, its config); its output is the token, never printed.
    const gh = (0,external_node_child_process_namespaceObject.spawnSync)("gh", ["auth", "token", "--hostname", host], {
        encoding: "utf8",
        env,
        timeout: 15_000,
        stdio: ["ignore", "pipe", "ignore"],
    });
    const value = gh.error === undefined && gh.status === 0 ? (gh.stdout ?? "").trim() : "";
    if (value !== "")
        return { value, source: "gh auth token" };
    throw new TrtPteError("settings", `no GitHub token: GH_TOKEN and GITHUB_TOKEN are unset${gh.error === undefined ? ` and the GitHub CLI is not signed in to ${host}` : ", and there is no GitHub CLI (gh)"}`, `set GH_TOKEN to a token that may read the repository's Actions artifacts (\`actions: read\`), or sign in with \`gh auth login${host === "github.com" ? "" : ` --hostname ${host}`}\``);
}

;// CONCATENATED MODULE: ./src/fetch/attest.ts
// `trt-pte fetch --verify-attestation`: each file's build provenance, checked by the GitHub CLI
// (`gh attestation verify FILE --repo OWNER/NAME`, with `--hostname` for GitHub Enterprise Server).
// The attestation must have been made by a workflow of that repository, as workflows/release.yml
// does; a file without one, or with one for other bytes, fails. For a branch's build it must also
// have been made by a run on that branch (`--source-ref refs/heads/B`: the ref in the signing
// certificate, which the run's OIDC token set), so an attestation a pull request's run made
// (refs/pull/N/merge) does not pass for `--branch`. The signer workflow's file is not pinned: each
// repository names its own (workflows/pr.yml and release.yml are examples), and `--repo` already
// holds the signer to a workflow of the repository.




async function verifyAttestation(file, name, { repo, sourceRef, apiUrl, env }) {
    const host = hostOfApi(apiUrl);
    const args = [
        "attestation",
        "verify",
        file,
        "--repo",
        repo,
        ...(sourceRef === null ? [] : ["--source-ref", sourceRef]),
        ...(host === "github.com" ? [] : ["--hostname", host]),
    ];
    const { code, output, missing } = await new Promise((resolve) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)("gh", args, { env, stdio: ["ignore", "pipe", "pipe"] });
        let output = "";
        child.stdout.on("data", (c) => (output += c.toString()));
        child.stderr.on("data", (c) => (output += c.toString()));
        child.on("error", (e) => resolve({ code: null, output: e.message, missing: e.code === "ENOENT" }));
        child.on("close", (c) => resolve({ code: c, output, missing: false }));
    });
    if (missing) {
        throw new TrtPteError("settings", "--verify-attestation needs the GitHub CLI (gh), which is not on PATH", "install it (https://cli.github.com) or leave out --verify-attestation; nothing was written");
    }
    if (code !== 0) {
        const said = output.trim().split("\n").slice(-4).join(" / ");
        const oldGh = sourceRef !== null && /unknown flag: --source-ref/.test(output);
        throw new TrtPteError("verification", `${name}: gh attestation verify failed${said ? `: ${escapeControls(inert(said)).slice(0, 500)}` : ""}`, oldGh
            ? "nothing was written; this GitHub CLI is too old to check which branch made the attestation (`--source-ref`): update gh"
            : `nothing was written; a build has an attestation only when its workflow made one (workflows/pr.yml and workflows/release.yml do)${sourceRef === null ? "" : `, and for --branch only one a run on ${sourceRef} made`}`);
    }
}

;// CONCATENATED MODULE: ./src/fetch/fetch.ts
// `trt-pte fetch`: download a build's files and trust none of them until every check passed.
// Builds come only from runs fetch trusts (src/fetch/trust.ts). Each download is checked against the
// sha256 GitHub's artifact service recorded for it (the artifact's `digest`); the report is then the
// list every file's own sha256 must match; with --verify-attestation each file's build provenance is
// checked by the GitHub CLI. Everything is staged in a private temporary folder, within what one
// fetch may write (src/fetch/limit.ts), and moved into the output folder only when all of it passed:
// a mismatch is an error that names the file, and leaves nothing in the output folder.














const ZIP_TYPES = new Set(["application/zip", "application/x-zip-compressed", "application/zip-compressed"]);
const MAX_REPORT_BYTES = 16 << 20;
function refuse(message, hint = "nothing was written; the files may have been changed after the build") {
    throw new TrtPteError("verification", message, hint);
}
/**
 * Downloads one artifact into `dir` as the file `name`: the bytes must hash to the digest GitHub
 * recorded, and a zip (what GitHub serves for an archived artifact) must hold one file, which is
 * taken out. Returns the file's path.
 */
async function downloadArtifact(rest, repo, build, name, dir, budget) {
    const artifact = build.artifacts.get(name);
    if (artifact === undefined) {
        refuse(`run ${build.runId} has no artifact '${name}', which the build's report lists`, "nothing was written; re-run the workflow to publish the build whole");
    }
    const what = `artifact '${name}' of run ${build.runId}`;
    if (artifact.expired) {
        const when = artifact.expires_at ? ` on ${artifact.expires_at.slice(0, 10)}` : "";
        throw new ExpiredError(410, what, `expired${when}: GitHub no longer keeps it`, "artifacts last as long as the workflow's retention-days: re-run the workflow to build it again");
    }
    const recorded = artifact.digest ?? "";
    if (!/^sha256:[0-9a-f]{64}$/.test(recorded)) {
        refuse(`${what}: GitHub recorded no sha256 digest for it, so the download cannot be checked`, "nothing was written; artifacts uploaded by trt-pte (upload-artifact v4 and later) carry one");
    }
    if (artifact.size_in_bytes > budget.left) {
        throw tooLarge(what, budget.limit, `GitHub lists it at ${artifact.size_in_bytes} bytes`);
    }
    const download = external_node_path_default().join(dir, `${name}.download`);
    const got = await rest.download(`/repos/${repo}/actions/artifacts/${artifact.id}/zip`, what, download, budget);
    budget.spend(got.bytes);
    if (`sha256:${got.sha256}` !== recorded) {
        refuse(`${name}: the download hashes to sha256:${got.sha256}, GitHub's artifact service recorded ${recorded}`);
    }
    const target = external_node_path_default().join(dir, name);
    if (!ZIP_TYPES.has(got.contentType)) {
        await promises_default().rename(download, target);
        return target;
    }
    try {
        const files = (await zipEntries(download)).filter((e) => !e.name.endsWith("/"));
        const [only] = files;
        if (only === undefined || files.length !== 1) {
            refuse(`${name}: the artifact is a zip of ${files.length} files, not the one file trt-pte uploads`);
        }
        if (only.size > budget.left)
            throw tooLarge(what, budget.limit, `its zip lists ${only.size} bytes`);
        await extractEntry(download, only, target, budget.left);
        budget.spend(only.size);
    }
    catch (e) {
        if (e instanceof ZipError)
            refuse(`${name}: the artifact's zip does not read: ${e.message}`);
        throw e;
    }
    await promises_default().rm(download);
    return target;
}
/** The file at `file` must be what the report lists. */
async function checkListed(file, name, listed) {
    const sha256 = await sha256File(file);
    if (sha256 !== listed.sha256) {
        refuse(`${name}: its sha256 is ${sha256}, the build's report.json lists ${listed.sha256}`);
    }
    return { name, bytes: (await promises_default().stat(file)).size, sha256 };
}
async function readReport(rest, repo, build, dir, budget) {
    const name = reportArtifactName(build.name);
    const size = build.artifacts.get(name)?.size_in_bytes ?? 0;
    if (size > MAX_REPORT_BYTES)
        refuse(`${name}: ${size} bytes is no trt-pte report`);
    const file = await downloadArtifact(rest, repo, build, name, dir, budget);
    let raw;
    try {
        raw = JSON.parse(await promises_default().readFile(file, "utf8"));
    }
    catch (e) {
        refuse(`${name} is not JSON (${e.message})`);
    }
    const report = parseBuildReport(raw);
    if (report.artifactName !== build.name) {
        refuse(`${name} describes the build '${escapeControls(report.artifactName)}', not '${build.name}'`);
    }
    return { report, file: { name, bytes: (await promises_default().stat(file)).size, sha256: await sha256File(file) } };
}
function lower(text) {
    return text.toLowerCase();
}
function matches(report, model, gpu) {
    if (model !== undefined && model !== report.modelName && model !== report.artifactName)
        return false;
    if (gpu === undefined)
        return true;
    const kinds = [report.gpuName, (report.gpu?.name ?? "").replace(/^NVIDIA\s+/i, "")].filter((k) => k !== "");
    return kinds.some((k) => lower(k) === lower(gpu));
}
/** Moves every staged file into `outDir`; a failure part way takes back what it moved. */
async function promote(staged, outDir) {
    await promises_default().mkdir(outDir, { recursive: true });
    const moved = [];
    try {
        for (const file of staged) {
            const target = external_node_path_default().join(outDir, external_node_path_default().basename(file));
            try {
                await promises_default().rename(file, target);
            }
            catch (e) {
                if (e.code !== "EXDEV")
                    throw e;
                // Another file system: copy beside the target, then rename, so no half file shows.
                const partial = `${target}.partial-${process.pid}`;
                await promises_default().copyFile(file, partial);
                await promises_default().rename(partial, target);
            }
            moved.push(target);
        }
    }
    catch (e) {
        for (const target of moved)
            await promises_default().rm(target, { force: true });
        throw e;
    }
}
async function fetchBuilds(options) {
    const rest = new GitHubRest(options.apiUrl, options.token);
    const { repo, source } = options;
    const found = await findBuilds(rest, repo, source);
    if (found.builds.length === 0 && found.skipped.length > 0) {
        throw new TrtPteError("verification", `no trt-pte build of ${describeSource(source)} of ${repo} that fetch trusts: ${found.skipped.join("; ")}`, `fetch takes builds from runs of the repository's own code, and from a fork's run only once it succeeded and a required reviewer of the ${FORK_GATE_ENVIRONMENT} environment approved it (docs/downloads.md, "Which runs it trusts"); ` +
            "ask a maintainer to approve the fork's build, or fetch one of the repository's own (--branch, or --run of its own run); where a run could not be read, the token needs `actions: read`. Nothing was written");
    }
    for (const why of found.skipped)
        options.note?.(`passed over: ${why}`);
    if (found.builds.length === 0) {
        throw new TrtPteError("settings", `no trt-pte build for ${describeSource(source)} of ${repo} (looked at ${found.searched})`, "a build uploads `<name>.report.json` beside its .pte; check that the workflow ran trt-pte with `upload: true` and that it finished");
    }
    const budget = new ByteBudget(options.maxBytes);
    const staging = await promises_default().mkdtemp(external_node_path_default().join(external_node_os_default().tmpdir(), "trt-pte-fetch-"));
    try {
        const reports = [];
        for (const build of found.builds)
            reports.push({ build, ...(await readReport(rest, repo, build, staging, budget)) });
        const chosen = reports.filter((r) => matches(r.report, options.model, options.gpu));
        if (chosen.length === 0) {
            const filters = [options.model && `--model ${options.model}`, options.gpu && `--gpu ${options.gpu}`]
                .filter(Boolean)
                .join(" ");
            const listed = reports.map((r) => `${r.build.name} (model ${escapeControls(r.report.modelName) || "?"}, GPU ${escapeControls(r.report.gpuName) || "none"})`);
            throw new TrtPteError("settings", `no build of ${describeSource(source)} matches ${filters}; it has ${listed.join(", ")}`, "--model takes the model's short name or the build's artifact name; --gpu the GPU kind (the `gpus` name) it was built for");
        }
        const fetched = [];
        const files = [];
        for (const { build, report, file } of chosen) {
            const one = async (name, listed) => {
                const local = await downloadArtifact(rest, repo, build, name, staging, budget);
                files.push(local);
                return checkListed(local, name, listed);
            };
            const pte = await one(pteArtifactName(build.name), report.pte);
            const ptd = [];
            for (const listed of report.ptd)
                ptd.push(await one(ptdArtifactName(build.name, listed.name), listed));
            files.push(external_node_path_default().join(staging, reportArtifactName(build.name)));
            fetched.push({ name: build.name, runId: build.runId, report, pte, ptd, reportFile: file });
        }
        if (options.attest) {
            for (const build of fetched) {
                for (const f of [build.pte, ...build.ptd]) {
                    await verifyAttestation(external_node_path_default().join(staging, f.name), f.name, {
                        repo,
                        sourceRef: "branch" in source ? `refs/heads/${source.branch}` : null,
                        apiUrl: options.apiUrl,
                        env: options.env,
                    });
                }
            }
        }
        await promote(files, options.outDir);
        return fetched;
    }
    finally {
        await promises_default().rm(staging, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/publish/render-run.ts
// What ran the .pte, whether it was deterministic, how fast it was against eager, what memory it
// took and what it needs to run elsewhere, as short markdown pieces for the summary and the comment.
// On a cache hit these facts come from the run that built the entry and are labelled so. Strings the
// driver reports (runtime names, reasons, device names, file names) are untrusted: they go through
// `code`; the table escapes its cells itself.


/** Milliseconds with three significant digits (0.41, 1.90, 12.3, 1234). */
function render_run_ms(value) {
    if (value >= 1000)
        return Math.round(value).toString();
    return value.toPrecision(3);
}
/** Significant digits (2 to 4) at which the values read apart: `2.0–2.2`, `1.04–1.09`. */
function apart(values) {
    for (const digits of [2, 3, 4]) {
        const f = (x) => (x >= 10 ** digits ? Math.round(x).toString() : x.toPrecision(digits));
        if (new Set(values.map(f)).size === new Set(values).size)
            return f;
    }
    return (x) => (x >= 10000 ? Math.round(x).toString() : x.toPrecision(4));
}
function times(speedup) {
    if (speedup === null)
        return "";
    return ` (${speedup >= 10 ? speedup.toFixed(0) : speedup.toPrecision(2)}×)`;
}
/**
 * A speedup as a reviewer should read it: `2.1× (95% CI 2.0–2.2)`, or `noisy: 1.4–2.7× (95% CI;
 * why)` instead of a confident number; a report from before @3 has no interval and says so.
 */
function speedupText(speedup, ci, noisy = false, why = null) {
    if (speedup === null)
        return "no speedup (the built median is 0)";
    if (ci === undefined)
        return `${times(speedup).slice(2, -1)} (no interval: timed before report@3)`;
    const f = apart([ci[0], speedup, ci[1]]);
    if (noisy)
        return `noisy: ${f(ci[0])}–${f(ci[1])}× (95% CI${why ? `; ${format_code(why)}` : ""})`;
    return `${f(speedup)}× (95% CI ${f(ci[0])}–${f(ci[1])})`;
}
function spread(t) {
    return `${render_run_ms(t.p10_ms)}–${render_run_ms(t.p90_ms)}`;
}
/** How many times each side ran: `200 paired runs each`, or, before paired rounds, `built 1000 runs, eager 8`. */
function runCounts(point) {
    const { built, eager } = point;
    if (point.rounds !== undefined)
        return `${point.rounds} paired runs each`;
    return built.runs === eager.runs
        ? `${built.runs} runs each`
        : `built ${built.runs} runs, eager ${eager.runs}`;
}
/** `0.41 ms vs eager 1.90 ms: 4.6× (95% CI 4.4–4.8), 200 paired runs each (p10–p90 0.40–0.45 vs 1.85–2.01 ms)` */
function latencyLine(point) {
    const { built, eager } = point;
    const speed = speedupText(point.speedup, point.speedup_ci, point.noisy, point.noise ?? null);
    return (`${render_run_ms(built.median_ms)} ms vs eager ${render_run_ms(eager.median_ms)} ms: ${speed}, ${runCounts(point)} ` +
        `(p10–p90 ${spread(built)} vs ${spread(eager)} ms)`);
}
/** `opt`, or `opt (= max)` when max has the same shapes and was measured once with it. */
function pointName(point) {
    return `${point.shape}${(point.same_as ?? []).map((s) => ` (= ${format_code(s)})`).join("")}`;
}
/** "measured by run 123" on a cache hit: the facts are the building run's, not this one's. */
function measuredBy(report) {
    if (!report.cache.hit)
        return "";
    const from = report.cache.from_run;
    return from === null
        ? " · measured by the earlier local run that built it"
        : ` · measured by [run ${from.run_id}](${from.url})`;
}
function formatExecution(report) {
    const e = report.execution;
    if (e === null)
        return "–";
    const checks = e.checks !== null && e.checks !== e.runtime ? `; checks used ${format_code(e.checks)}` : "";
    const said = e.pte_ran
        ? `✅ the .pte ran in ${format_code(e.runtime)}${checks}`
        : `⚠️ the .pte itself did not run (${e.runtime === "none" ? "nothing ran" : `checked: ${format_code(e.runtime)}`}): ${format_code(e.reason ?? "")}`;
    return `${said}${measuredBy(report)}`;
}
function formatDeterminism(report) {
    const d = report.determinism;
    if (d === null)
        return "not checked: nothing in process returned outputs";
    const said = d.identical
        ? `✅ bitwise identical in ${d.runs} runs on one input`
        : `⚠️ outputs differ between ${d.runs} runs on one input, by up to ${d.max_abs_diff === null ? "a different shape" : d.max_abs_diff.toPrecision(3)} (${format_code(d.where ?? "")})`;
    return `${said}${measuredBy(report)}`;
}
function formatLatency(report) {
    const b = report.benchmark;
    if (b === null)
        return "not timed";
    // The OPT point in full, the other points by their speedup (report.json has them all).
    const head = b.points.find((p) => p.shape === "opt") ?? b.points[0];
    if (head === undefined)
        return "not timed";
    const others = b.points
        .filter((p) => p !== head)
        .map((p) => `${pointName(p)} ${speedupText(p.speedup, p.speedup_ci, p.noisy)}`);
    const at = b.points.length > 1 || (head.same_as ?? []).length > 0 ? `at ${pointName(head)}: ` : "";
    const rest = others.length > 0 ? `; ${others.join("; ")}` : "";
    const threads = b.threads === null ? "" : `, ${b.threads} threads`;
    const parts = [`${at}${latencyLine(head)}${rest} · ${format_code(b.built)} on ${format_code(b.device)}${threads}`];
    if (b.built_includes)
        parts.push(`built includes ${format_code(b.built_includes)}`);
    const compiled = head.compiled;
    if (compiled && b.compiled) {
        parts.push(`${format_code(b.compiled)} (device-resident inputs, like eager) ${render_run_ms(compiled.timing.median_ms)} ms: ` +
            speedupText(compiled.speedup, compiled.speedup_ci, compiled.noisy));
    }
    for (const flag of b.shape_flags ?? [])
        parts.push(`⚠️ ${format_code(flag)}`);
    return `${parts.join("<br>")}${measuredBy(report)}`;
}
function formatMemory(report) {
    const m = report.memory;
    if (m === null)
        return "–";
    const parts = [];
    if (m.eager_device_bytes !== null)
        parts.push(`device: eager ${formatBytes(m.eager_device_bytes)}`);
    if (m.built_device_bytes !== null) {
        parts.push(`built ${formatBytes(m.built_device_bytes)}${m.built_device_how ? ` (${format_code(m.built_device_how)})` : ""}`);
    }
    if (m.host_peak_bytes !== null)
        parts.push(`host peak of the export ${formatBytes(m.host_peak_bytes)}`);
    return parts.length === 0 ? "–" : `${parts.join(" · ")}${measuredBy(report)}`;
}
function majorMinor(version) {
    if (!version)
        return null;
    const m = /^(\d+)\.(\d+)/.exec(version);
    return m === null ? version : `${m[1]}.${m[2]}`;
}
/**
 * What the .pte needs to run, part by part, each name quoted by `quote` (inline code in markdown,
 * as is on a terminal). `ptdNames` are the .ptd files as the reader will have them (the artifacts'
 * names once uploaded); the runtime is given them with the .pte, wherever they are.
 */
function needsToRun(report, ptdNames, quote) {
    const parts = [];
    const versions = report.versions;
    if (report.target === "tensorrt") {
        const trt = majorMinor(versions.tensorrt);
        parts.push(trt === null ? "TensorRT (version not recorded)" : `TensorRT ${quote(trt)}`);
    }
    if (isTarget(report.target) && targetSpec(report.target).gpu) {
        const compile = (report.details.compile_settings ?? {});
        if (report.target === "tensorrt" && compile.hardware_compatible === true)
            parts.push("an Ampere or newer GPU");
        else if (report.gpu !== null) {
            parts.push(`a GPU of compute capability ${quote(report.gpu.compute_capability)} (built on ${quote(report.gpu.name)})`);
        }
        else
            parts.push("the GPU architecture it was built on");
    }
    else {
        parts.push("any CPU");
    }
    const et = versions.executorch;
    parts.push(et ? `ExecuTorch ${quote(et)}` : "ExecuTorch");
    if (ptdNames.length > 0)
        parts.push(`loaded with ${ptdNames.map((p) => quote(p)).join(", ")}`);
    return parts;
}
/** What the .pte needs to run, for the summary and the comment. */
function formatNeeds(report, ptdNames = report.ptd.map((p) => p.name)) {
    return needsToRun(report, ptdNames, format_code).join(" · ");
}
/**
 * The headline point in a few words, for a rollup's line: `0.41 ms (p10–p90 0.40–0.45), 4.6× eager`;
 * "" when not timed.
 */
function latencyBrief(report) {
    const points = report.benchmark?.points ?? [];
    const point = points.find((p) => p.shape === "opt") ?? points[0];
    if (point === undefined)
        return "";
    const speedup = point.speedup !== null && point.speedup_ci !== undefined
        ? `, ${speedupText(point.speedup, point.speedup_ci, point.noisy)} vs eager`
        : times(point.speedup).replace(/^ \((.*)\)$/, ", $1 eager");
    return `${render_run_ms(point.built.median_ms)} ms (p10–p90 ${spread(point.built)})${speedup}`;
}
/** The opt point's speedup (the first point when there is no opt), for the `speedup` output. */
function headlineSpeedup(report) {
    const points = report.benchmark?.points ?? [];
    const point = points.find((p) => p.shape === "opt") ?? points[0];
    return point?.speedup ?? null;
}

;// CONCATENATED MODULE: ./src/cli/fetch-command.ts
// `trt-pte fetch --repo OWNER/NAME (--pr N | --run ID | --branch B) [--model NAME] [--gpu NAME]
// [-o DIR] [--verify-attestation]`: the newest trt-pte build, downloaded with every file checked
// (src/fetch/fetch.ts), then what it fetched and what the .pte needs to run. The token comes from
// GH_TOKEN, GITHUB_TOKEN or the GitHub CLI (src/fetch/token.ts) and is never printed.










const FETCH_USAGE = "trt-pte fetch --repo OWNER/NAME (--pr N | --run ID | --branch B) [--model NAME] [--gpu NAME] [-o DIR] [--verify-attestation]";
class UsageError extends Error {
}
function source(values) {
    const given = ["pr", "run", "branch"].filter((k) => values[k] !== undefined);
    if (given.length !== 1)
        throw new UsageError("give one of --pr, --run or --branch");
    if (values.pr !== undefined) {
        if (!/^[1-9][0-9]{0,9}$/.test(values.pr))
            throw new UsageError(`--pr: '${values.pr}' is not a pull request number`);
        return { pr: Number(values.pr) };
    }
    if (values.run !== undefined) {
        if (!/^[1-9][0-9]{0,19}$/.test(values.run))
            throw new UsageError(`--run: '${values.run}' is not a workflow run ID`);
        return { run: Number(values.run) };
    }
    const branch = values.branch ?? "";
    if (branch === "" || /[\s~^:?*[\\]|\.\.|^-/.test(branch))
        throw new UsageError(`--branch: '${branch}' is not a branch name`);
    return { branch };
}
function fetch_command_describe(build, outDir, repo, attested) {
    const checks = `GitHub's digest ✓ · report ✓${attested ? " · attestation ✓" : ""}`;
    const line = (f, checked) => `  ${f.name}  ${formatBytes(f.bytes)}  sha256 ${f.sha256.slice(0, 16)}…${checked ? `  (${checks})` : ""}`;
    // The report's text (target, versions, GPU name) is the build's to write: escaped, as are names.
    const needs = needsToRun(build.report, build.ptd.map((p) => p.name), escapeControls);
    return [
        `Fetched ${build.name} (${escapeControls(build.report.target)}) from run ${build.runId} of ${repo} into ${outDir}:`,
        line(build.pte, true),
        ...build.ptd.map((p) => line(p, true)),
        `${line(build.reportFile, false)}  (GitHub's digest ✓)`,
        `  needs to run: ${needs.join(" · ")}`,
    ].join("\n");
}
const PROCESS_IO = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
/**
 * Text for the terminal, or a workflow step's log: inert for the runner, and no control character
 * but the line breaks trt-pte's own lines end with (those inside a field were escaped with it).
 */
function shown(text) {
    return inert(escapeControls(text, true));
}
async function fetchCommand(argv, env = process.env, io = PROCESS_IO) {
    let options;
    try {
        const flags = ["repo", "pr", "run", "branch", "model", "gpu", "output", "verify-attestation"];
        const problem = checkFlags(argv, flags, (flag) => flag !== "verify-attestation");
        if (problem !== null)
            throw new UsageError(problem);
        const { values } = (0,external_node_util_namespaceObject.parseArgs)({
            args: argv,
            options: {
                repo: { type: "string" },
                pr: { type: "string" },
                run: { type: "string" },
                branch: { type: "string" },
                model: { type: "string" },
                gpu: { type: "string" },
                output: { type: "string", short: "o" },
                "verify-attestation": { type: "boolean" },
            },
            strict: true,
            allowPositionals: false,
        });
        const repo = values.repo ?? "";
        if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) {
            throw new UsageError(repo === "" ? "--repo OWNER/NAME is required" : `--repo: '${repo}' is not OWNER/NAME`);
        }
        options = {
            repo,
            source: source(values),
            model: values.model,
            gpu: values.gpu,
            outDir: external_node_path_default().resolve(values.output ?? "."),
            attest: values["verify-attestation"] === true,
        };
    }
    catch (e) {
        io.err(`trt-pte fetch: ${shown(e.message)}\nUsage: ${FETCH_USAGE}\n`);
        return 2;
    }
    try {
        const token = findToken(env);
        const fetched = await fetchBuilds({
            ...options,
            apiUrl: env.GITHUB_API_URL || DEFAULT_API_URL,
            token: token.value,
            env,
            note: (text) => io.err(`trt-pte fetch: ${shown(text)}\n`),
        });
        // Names and versions come from the build's report: shown inert, as the output may be a workflow step's.
        io.out(`${shown(fetched.map((b) => fetch_command_describe(b, options.outDir, options.repo, options.attest)).join("\n\n"))}\n`);
        return 0;
    }
    catch (error) {
        io.err(`${shown(describeError(error))}\n`);
        return 1;
    }
}

;// CONCATENATED MODULE: ./src/cli/help.ts
// `trt-pte --help`: generated from the inputs table, so it never drifts from action.yml.





const DEFAULT_ARTIFACT_DIR = external_node_path_default().join(".trt-pte", "artifacts");
function wrap(text, indent, width = 100) {
    const words = text.split(/\s+/);
    const lines = [];
    let line = "";
    for (const word of words) {
        if (line !== "" && line.length + word.length + 1 > width - indent) {
            lines.push(line);
            line = word;
        }
        else
            line = line === "" ? word : `${line} ${word}`;
    }
    if (line !== "")
        lines.push(line);
    return lines.join(`\n${" ".repeat(indent)}`);
}
/** The export flags: every action input but the action-only ones, in the table's order. */
function exportFlags() {
    return INPUTS.filter((input) => input.actionOnly === undefined)
        .map((input) => {
        const value = input.kind === "boolean"
            ? "true|false"
            : input.choices
                ? input.choices.join("|")
                : input.kind === "integer"
                    ? "N"
                    : "VALUE";
        const head = `  --${input.name} ${value}`;
        const extra = [
            input.required ? "required" : "",
            input.default !== undefined ? `default: ${input.default}` : "",
        ]
            .filter(Boolean)
            .join("; ");
        const desc = `${input.description.replace(/`/g, "")}${extra ? ` (${extra})` : ""}`;
        return `${head}\n      ${wrap(desc, 6)}`;
    })
        .join("\n");
}
const USAGE = `Usage:
  trt-pte export --model FILE.py:FACTORY [--inputs SPECS] [--target TARGET] [options]
  trt-pte export --config trt-pte.yml [--only NAME ...] [options]
  ${INSPECT_USAGE}
  ${DIFF_USAGE}
  ${FETCH_USAGE}
  trt-pte COMMAND --help`;
const INSPECT_HELP = `Inspect: prints what a .pte holds (plans, operators, delegates with TensorRT engine I/O and CUDA
blobs, segments, bytes by kind) as a tree, or with --json as the trt-pte/inspection@1 document
(docs/inspecting.md). Without --ptd it reads the .ptd files beside the .pte. --mermaid
prints the partition as a Mermaid flowchart.`;
const FETCH_HELP = `Fetch: downloads the newest trt-pte build of a pull request, a run or a branch into -o (default:
the current directory), each file checked against the digest GitHub recorded and the sha256 its
report.json lists; nothing is written unless every file passes (docs/downloads.md). The token
comes from GH_TOKEN, GITHUB_TOKEN or \`gh auth token\`; GITHUB_API_URL selects GitHub Enterprise
Server. --verify-attestation also runs \`gh attestation verify\` on each file.`;
const DIFF_HELP = `Diff: what changed from A to B, two .pte files (with the .ptd files beside each) or two
report.json files, or a .pte and a report.json (then only what both record); --json prints the
trt-pte/diff@2 document (sizes in bytes). Exit 0 unless a gate flag is given and trips (1).`;
/** The CLI's help: every command's, or one command's (`trt-pte COMMAND --help`). */
function helpText(command) {
    const exportHelp = `Export flags (the action's inputs, same names and defaults):
${exportFlags()}
  --artifact-dir DIR
      Where the "artifact" is copied when uploading locally (default: ${DEFAULT_ARTIFACT_DIR}).
  --baseline REPORT.json
      Compare the build with this earlier report.json (the summary's "vs" section and the gates).

With --config, every model the file lists is built in turn (each cached and compared as alone), past
one that fails, and the command ends with one line per model: result, target, size, latency, cache
and what changed (docs/config.md). Build flags (--target, --inputs, ...) then live in the file.

The action's ${[...INPUTS]
        .filter((i) => i.actionOnly !== undefined)
        .map((i) => i.name)
        .join(", ")} inputs have no flag: they need a workflow.`;
    const sections = command === "export"
        ? [exportHelp]
        : command === "inspect"
            ? [INSPECT_HELP]
            : command === "diff"
                ? [DIFF_HELP]
                : command === "fetch"
                    ? [FETCH_HELP]
                    : [exportHelp, INSPECT_HELP, DIFF_HELP, FETCH_HELP];
    return `trt-pte: compile a PyTorch model into a verified ExecuTorch .pte

${USAGE}

${sections.join("\n\n")}

Relative paths resolve against the current directory. Exit code 0 on success, 1 on a failed export
or fetch or a malformed .pte/.ptd, 2 on a usage error.
`;
}

;// CONCATENATED MODULE: ./src/util/env-names.ts
// Environment variable names as the driver's environment policy sees them: `*`/`?` globs over names,
// the names no driver process may ever get, whatever a user asks for, and the ones trt-pte sets itself.

/**
 * What the runner hands the action and must never reach model code: the inputs (the `github-token`
 * input arrives as INPUT_GITHUB-TOKEN), the runtime's own tokens and URLs (ACTIONS_RUNTIME_TOKEN,
 * ACTIONS_ID_TOKEN_REQUEST_*, ACTIONS_CACHE_URL...), the token itself, and the files through which a
 * step sets environment, PATH, outputs, state and the job summary of the steps after it.
 */
const FORBIDDEN_ENV = [
    "INPUT_*",
    "ACTIONS_*",
    "GITHUB_TOKEN",
    "GITHUB_ENV",
    "GITHUB_PATH",
    "GITHUB_OUTPUT",
    "GITHUB_STATE",
    "GITHUB_STEP_SUMMARY",
];
/**
 * Names that hold a credential by their shape (HF_TOKEN, NVIDIA_API_KEY, AWS_SECRET_ACCESS_KEY...):
 * the driver gets one only when `env-passthrough` names it exactly, never through the allowlist's
 * families (HF_*, NV_*, CONDA_*...) or a glob, so a token reaches model code only on purpose.
 */
const CREDENTIAL_SUFFIXES = ["_TOKEN", "_KEY", "_SECRET", "_PASSWORD", "_CREDENTIALS"];
function isCredentialName(name) {
    const upper = name.toUpperCase();
    return CREDENTIAL_SUFFIXES.some((suffix) => upper.endsWith(suffix));
}
/** A proxy variable (`https_proxy`, `ALL_PROXY`...) whose URL carries a user name or password. */
function isProxyWithCredentials(name, value) {
    if (!/_proxy$/i.test(name) || !value.includes("@"))
        return false;
    try {
        const url = new URL(value.includes("://") ? value : `http://${value}`);
        return url.username !== "" || url.password !== "";
    }
    catch {
        return true; // unparsable and holding an '@': treat it as carrying credentials
    }
}
/** A name or a glob of names: letters, digits, `_`, `-`, `.`, and the wildcards `*` and `?`. */
const ENV_PATTERN = /^[A-Za-z0-9_.*?-]+$/;
function globRegExp(glob) {
    const body = glob
        .replace(/[.+^${}()|[\]\\-]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".");
    return new RegExp(`^${body}$`, "i");
}
/** Whether `name` matches `glob` (case-insensitive: Windows names are, and INPUT_x is no safer). */
function matchesEnvGlob(name, glob) {
    return globRegExp(glob).test(name);
}
function isForbiddenEnv(name) {
    return FORBIDDEN_ENV.some((glob) => matchesEnvGlob(name, glob));
}
/**
 * Whether some name matched by `pattern` also matches `forbidden` (itself a name or `PREFIX*`): the
 * pattern is walked as a set of states over the forbidden name's fixed part; any state left alive at
 * its end can be completed into a name both accept.
 */
function overlaps(pattern, forbidden) {
    const star = forbidden.endsWith("*");
    const fixed = (star ? forbidden.slice(0, -1) : forbidden).toUpperCase();
    const p = pattern.toUpperCase();
    const closure = (states) => {
        for (const s of [...states])
            for (let i = s; p[i] === "*"; i++)
                states.add(i + 1);
        return states;
    };
    let states = closure(new Set([0]));
    for (const ch of fixed) {
        const next = new Set();
        for (const s of states) {
            if (p[s] === "*")
                next.add(s);
            else if (p[s] === "?" || p[s] === ch)
                next.add(s + 1);
        }
        states = closure(next);
        if (states.size === 0)
            return false;
    }
    // A prefix: anything may follow. An exact name: the pattern must be able to end here.
    return star ? states.size > 0 : states.has(p.length);
}
/** The forbidden entry a user's name or glob would let through, or undefined when it is safe. */
function forbiddenOverlap(pattern) {
    return FORBIDDEN_ENV.find((forbidden) => overlaps(pattern, forbidden));
}
/**
 * Set by trt-pte to folders inside the run's own temp folder, whatever the runner has: the temp
 * folder itself (Python's tempfile reads TMPDIR, then TEMP, then TMP), and so Torch-TensorRT's
 * default timing and engine caches, which torch_tensorrt/dynamo/_defaults.py puts under
 * tempfile.gettempdir() in 2.12 to 2.14; torch inductor's and Triton's compile caches. A later job on
 * the same runner therefore never loads what this one compiled. The caches trt-pte keeps on purpose
 * are passed by path in the request and restored from the job's own cache scope.
 */
function runFolders(runDir) {
    const tmp = external_node_path_default().join(runDir, "tmp");
    return {
        TMPDIR: tmp,
        TEMP: tmp,
        TMP: tmp,
        TORCHINDUCTOR_CACHE_DIR: external_node_path_default().join(runDir, "torchinductor"),
        TRITON_CACHE_DIR: external_node_path_default().join(runDir, "triton"),
    };
}
const RUN_FOLDER_NAMES = Object.keys(runFolders(""));

;// CONCATENATED MODULE: ./src/util/paths.ts
// Where a path really leads. A path's text can stay inside the workspace while a symbolic link on
// its way (committed to the repository, or made by model code) leads elsewhere, so the folders
// trt-pte deletes and writes are judged by their real path: the real path of the deepest part that
// exists, with the rest of the path after it.


/** Whether `child` is `parent` or below it, by text (both absolute and normalised). */
function isInside(child, parent) {
    const rel = external_node_path_default().relative(parent, child);
    return rel === "" || (!rel.startsWith("..") && !external_node_path_default().isAbsolute(rel));
}
/**
 * `absolute` with every link on its way resolved: the real path of its deepest existing ancestor,
 * joined with the parts below it that do not exist yet. Throws for a link that points nowhere (a
 * write through it would create its target, wherever that is).
 */
function realPathOf(absolute) {
    const missing = [];
    for (let at = external_node_path_default().resolve(absolute);; at = external_node_path_default().dirname(at)) {
        try {
            return external_node_path_default().join(external_node_fs_default().realpathSync(at), ...missing);
        }
        catch (e) {
            const code = e.code;
            if (code !== "ENOENT" && code !== "ENOTDIR")
                throw e;
            if (isLink(at)) {
                throw new Error(`passes through ${at}, a link to something that does not exist`, { cause: e });
            }
            if (external_node_path_default().dirname(at) === at)
                return external_node_path_default().resolve(absolute);
            missing.unshift(external_node_path_default().basename(at));
        }
    }
}
function isLink(p) {
    try {
        return external_node_fs_default().lstatSync(p).isSymbolicLink();
    }
    catch {
        return false;
    }
}
/**
 * How `absolute` leaves every root (each root judged by its own real path), as a phrase ("leads to
 * /etc/x through a link"), or null when it stays inside one.
 */
function escapesRoots(absolute, roots) {
    let real;
    try {
        real = realPathOf(absolute);
    }
    catch (e) {
        return e.message;
    }
    const realRoots = roots.map((root) => {
        try {
            return realPathOf(root);
        }
        catch {
            return external_node_path_default().resolve(root);
        }
    });
    return realRoots.some((root) => isInside(real, root)) ? null : `leads to ${real} through a link`;
}

;// CONCATENATED MODULE: ./src/settings/settings.ts
// One Settings object for the whole pipeline, built from raw strings. The action reads the strings
// from INPUT_* variables and the CLI from its flags; both hand a lookup function to readSettings, so
// validation, defaults and path rules live here once.










function settings_text(get, name) {
    const def = inputDefinition(name);
    const raw = get(name).trim();
    if (raw !== "")
        return raw;
    // A default like `${{ github.token }}` is evaluated by the runner; outside a workflow it is empty.
    return def.default?.includes("${{") ? "" : (def.default ?? "");
}
function parseBoolean(name, raw) {
    const v = raw.toLowerCase();
    if (["true", "yes", "1", "on"].includes(v))
        return true;
    if (["false", "no", "0", "off"].includes(v))
        return false;
    throw new SettingsError(name, `'${raw}' is not a boolean`, "use true or false");
}
function settings_parseInteger(name, raw) {
    const def = inputDefinition(name);
    if (!/^-?[0-9]+$/.test(raw))
        throw new SettingsError(name, `'${raw}' is not a whole number`);
    const value = Number(raw);
    if (def.range && (value < def.range[0] || value > def.range[1])) {
        throw new SettingsError(name, `${value} is out of range`, `use a value from ${def.range[0]} to ${def.range[1]}`);
    }
    return value;
}
/**
 * Resolves a user path against the workspace and refuses one that leaves it, by its text or through
 * a link on its way (docs/ARCHITECTURE.md "Paths").
 */
function resolveInside(name, raw, ctx) {
    const resolved = external_node_path_default().resolve(ctx.workspace, raw);
    const roots = [ctx.workspace, ...ctx.allowedRoots];
    if (!roots.some((root) => isInside(resolved, external_node_path_default().resolve(root)))) {
        throw new SettingsError(name, `'${raw}' resolves to ${resolved}, outside the workspace ${ctx.workspace}`, "use a folder inside the workspace (or the runner's temp dir)");
    }
    checkLinks(name, resolved, ctx);
    return resolved;
}
/**
 * Refuses a folder trt-pte deletes or writes (`output-dir`, `.trt-pte`, the cache folders) when it
 * is, or passes through, a link leading out of the workspace and the runner's temp folder: a
 * committed symlink would otherwise redirect those deletes and writes anywhere the runner's user
 * may write.
 */
function checkLinks(name, absolute, ctx) {
    const escape = escapesRoots(absolute, [ctx.workspace, ...ctx.allowedRoots]);
    if (escape === null)
        return;
    throw new SettingsError(name, `${absolute} ${escape}, outside the workspace ${ctx.workspace}`, "remove the link, or use a folder inside the workspace (or the runner's temp dir) that is not one");
}
/** A size input (workspace-size, cache-dir-max-size, engine-cache-max-size): src/util/size.ts's grammar, above 0. */
function parseSizeInput(name, raw) {
    const bytes = parseSize(raw);
    if (bytes === null)
        throw new SettingsError(name, `'${raw}' is not a size`, SIZE_HINT);
    if (bytes <= 0 || !Number.isSafeInteger(bytes)) {
        throw new SettingsError(name, `'${raw}' is out of range`, "use a size above 0 and below 8 PiB");
    }
    return bytes;
}
function readCacheSettings(get, ctx) {
    const dir = settings_text(get, "cache-dir");
    const hashFiles = splitPatterns(settings_text(get, "hash-files"));
    if (hashFiles.filter((p) => !p.startsWith("!")).length === 0) {
        throw new SettingsError("hash-files", "has no pattern that includes files", "give at least one glob, e.g. **/*.py");
    }
    return {
        enabled: parseBoolean("cache", settings_text(get, "cache")),
        dir: dir === "" ? undefined : external_node_path_default().resolve(ctx.workspace, dir),
        dirMaxBytes: parseSizeInput("cache-dir-max-size", settings_text(get, "cache-dir-max-size")),
        hashFiles,
        engineCache: parseBoolean("engine-cache", settings_text(get, "engine-cache")),
        engineCacheMaxBytes: parseSizeInput("engine-cache-max-size", settings_text(get, "engine-cache-max-size")),
    };
}
/** A path-like interpreter (`.venv/bin/python`) is relative to the workspace; a bare name is looked up on PATH. */
function resolvePython(raw, workspace) {
    return raw.includes("/") ? external_node_path_default().resolve(workspace, raw) : raw;
}
/** An optional boolean: empty means "not set". */
function optionalBoolean(get, name) {
    const raw = settings_text(get, name);
    return raw === "" ? undefined : parseBoolean(name, raw);
}
function optionalInteger(get, name) {
    const raw = settings_text(get, name);
    return raw === "" ? undefined : settings_parseInteger(name, raw);
}
const OP_NAME = /^(?:torch\.ops\.)?([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*)$/;
/** `aten.cos.default, aten.add.Tensor` (commas or lines) → op overload names, without `torch.ops.`. */
function parseOpList(name, raw) {
    const ops = [];
    for (const item of raw.split(/[,\n]/)) {
        const op = item.trim();
        if (op === "")
            continue;
        const overload = OP_NAME.exec(op)?.[1];
        if (overload === undefined) {
            throw new SettingsError(name, `'${op}' is not an op overload of the form namespace.op.overload`, "name the overload, e.g. aten.cos.default or aten.add.Tensor (a bare aten.cos matches nothing)");
        }
        if (!ops.includes(overload))
            ops.push(overload);
    }
    return ops;
}
/** `env-passthrough`: names or globs, by commas, spaces or lines; none that could let a secret through. */
function parseEnvPassthrough(raw) {
    const patterns = [];
    for (const item of raw.split(/[\s,]+/)) {
        if (item === "")
            continue;
        if (!ENV_PATTERN.test(item)) {
            throw new SettingsError("env-passthrough", `'${item}' is not a variable name or glob`, "use letters, digits, _ and the wildcards * and ?, e.g. WANDB_API_KEY or WANDB_*");
        }
        const forbidden = forbiddenOverlap(item);
        if (forbidden !== undefined) {
            throw new SettingsError("env-passthrough", `'${item}' would pass ${forbidden} to the model's process, which trt-pte never does`, "name only the variables the model needs; the token, the inputs, ACTIONS_* and the runner's command files stay with the action (docs/security.md)");
        }
        const ours = RUN_FOLDER_NAMES.find((name) => matchesEnvGlob(name, item));
        if (ours !== undefined) {
            throw new SettingsError("env-passthrough", `'${item}' names ${ours}, which trt-pte sets to the run's own temp folder`, "remove it: each run compiles into folders of its own, which a later job never reads");
        }
        if (!patterns.includes(item))
            patterns.push(item);
    }
    return patterns;
}
function defaultTolerance(target, precision) {
    const tolerance = targetSpec(target).tolerance[precision];
    // readCompileSettings refuses a precision the target does not build, before this is asked.
    if (tolerance === undefined)
        throw new Error(`target ${target} has no default tolerance at ${precision}`);
    return tolerance;
}
/** `tolerance`: a number, `none` (report only), or empty (the default for target and precision). */
function parseTolerance(raw, target, precision) {
    const value = raw.trim();
    if (value === "")
        return defaultTolerance(target, precision);
    if (value.toLowerCase() === "none")
        return null;
    if (!/^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/.test(value) || !Number.isFinite(Number(value))) {
        throw new SettingsError("tolerance", `'${raw}' is not a number`, "write e.g. 0.01 or 1e-3, or none to only report");
    }
    return Number(value);
}
/** Inputs that only some targets read (the target table's `settings`), in the table's order. */
const TARGET_SETTINGS = [...new Set(TARGETS.flatMap((t) => targetSpec(t).settings))];
/** A target-specific input set for a target that does not read it is refused, not ignored. */
function refuseOtherTargetsSettings(get, target) {
    const own = targetSpec(target).settings;
    for (const name of TARGET_SETTINGS) {
        if (own.includes(name) || settings_text(get, name) === (inputDefinition(name).default ?? ""))
            continue;
        const readers = TARGETS.filter((t) => targetSpec(t).settings.includes(name));
        throw new SettingsError(name, `applies only to target ${readers.join(", ")} (target is ${target})`, `remove it, or set target: ${readers[0]}`);
    }
}
function readCompileSettings(get, target) {
    const precision = settings_text(get, "precision");
    if (!PRECISIONS.includes(precision)) {
        throw new SettingsError("precision", `unknown precision '${precision}'`, `use one of ${PRECISIONS.join(", ")}`);
    }
    refuseOtherTargetsSettings(get, target);
    const workspace = settings_text(get, "workspace-size");
    const settings = {
        precision: precision,
        minBlockSize: optionalInteger(get, "min-block-size"),
        torchExecutedOps: parseOpList("torch-executed-ops", get("torch-executed-ops")),
        requireFullCompilation: optionalBoolean(get, "require-full-compilation"),
        optimizationLevel: optionalInteger(get, "optimization-level"),
        workspaceSize: workspace === "" ? undefined : parseSizeInput("workspace-size", workspace),
        hardwareCompatible: optionalBoolean(get, "hardware-compatible"),
        truncateDouble: optionalBoolean(get, "truncate-double"),
        fallbackDataDependentOps: optionalBoolean(get, "fallback-data-dependent-ops"),
    };
    if (settings.requireFullCompilation === true && settings.torchExecutedOps.length > 0) {
        throw new SettingsError("require-full-compilation", "cannot be true while `torch-executed-ops` keeps ops out of TensorRT", "drop one of the two");
    }
    if (settings.requireFullCompilation === true && settings.fallbackDataDependentOps === true) {
        throw new SettingsError("require-full-compilation", "cannot be true together with `fallback-data-dependent-ops`", "drop one of the two");
    }
    return settings;
}
function readSettings(get, ctx) {
    for (const def of INPUTS) {
        if (def.required && get(def.name).trim() === "") {
            throw new SettingsError(def.name, "is required");
        }
    }
    const model = settings_text(get, "model");
    if (model === "") {
        throw new SettingsError("model", "is required", `set it, e.g. model: models/net.py:build (the file, a colon, the function that returns your model; README "Quick start"), or list several models in a trt-pte.yml and set config (docs/config.md)`);
    }
    if (!/^[^:]+:[A-Za-z_][A-Za-z0-9_]*$/.test(model)) {
        throw new SettingsError("model", `'${model}' is not of the form path/to/file.py:factory or package.module:factory`, "name the file or module, a colon, and the function that returns the model");
    }
    const target = settings_text(get, "target");
    if (!isTarget(target)) {
        throw new SettingsError("target", `unknown target '${target}'`, `use one of ${TARGETS.join(", ")}`);
    }
    const inputsText = get("inputs");
    let inputs;
    let inputPositions;
    try {
        ({ specs: inputs, positions: inputPositions } = parseInputSpecsAt(inputsText));
    }
    catch (e) {
        throw new SettingsError("inputs", e.message.replace(/^inputs:/, "at "), "see docs/action.md “Input specs”");
    }
    const gpuName = get("gpu-name").trim();
    const compile = readCompileSettings(get, target);
    const tolerance = parseTolerance(get("tolerance"), target, compile.precision);
    const rawName = get("artifact-name").trim();
    const name = ctx.name ?? modelName(model);
    const artifactName = rawName === "" ? artifactNameFor(name, target, gpuName) : sanitizeName(rawName);
    const retention = settings_text(get, "retention-days");
    const runner = settings_text(get, "runner");
    return {
        model,
        modelName: name,
        inputs,
        inputPositions,
        target,
        python: resolvePython(settings_text(get, "python"), ctx.workspace),
        workspace: ctx.workspace,
        allowedRoots: ctx.allowedRoots,
        outputDir: external_node_path_default().join(resolveInside("output-dir", settings_text(get, "output-dir"), ctx), artifactName),
        artifactName,
        artifactNameGiven: rawName !== "",
        gpuName,
        retentionDays: retention === "" ? undefined : settings_parseInteger("retention-days", retention),
        upload: parseBoolean("upload", settings_text(get, "upload")),
        cache: readCacheSettings(get, ctx),
        comment: parseBoolean("comment", settings_text(get, "comment")),
        githubToken: settings_text(get, "github-token"),
        envPassthrough: parseEnvPassthrough(get("env-passthrough")),
        compare: {
            enabled: parseBoolean("compare", settings_text(get, "compare")),
            baselineFile: undefined,
            gates: readGateSettings((name) => settings_text(get, name)),
        },
        compile,
        tolerance,
        // A binary may live anywhere on the runner (an ExecuTorch build folder), so it is not kept inside the workspace.
        runner: runner === "" ? null : external_node_path_default().resolve(ctx.workspace, runner),
        benchmarkSeconds: settings_parseInteger("benchmark-seconds", settings_text(get, "benchmark-seconds")),
        failOnNondeterminism: parseBoolean("fail-on-nondeterminism", settings_text(get, "fail-on-nondeterminism")),
    };
}
/**
 * Without `gpu-name`, a GPU target's default artifact name ends in the detected GPU's name
 * (`<model>-<target>-<gpu>`), so a matrix over GPU kinds never collides; the output folder follows
 * the name. Known only after preflight, hence a second step.
 */
function withGpuName(settings, gpuName) {
    const named = settings.artifactNameGiven || settings.gpuName !== "";
    const kind = gpuKind(settings, gpuName);
    if (named || kind === "")
        return settings;
    const artifactName = artifactNameFor(settings.modelName, settings.target, kind);
    return { ...settings, artifactName, outputDir: external_node_path_default().join(external_node_path_default().dirname(settings.outputDir), artifactName) };
}
/**
 * The GPU kind a build is for (report.json's `gpu_name`, `trt-pte fetch --gpu`): `gpu-name` when
 * given, else, for a GPU target, the detected GPU's name without "NVIDIA "; "" for a CPU target.
 */
function gpuKind(settings, detected) {
    if (settings.gpuName !== "")
        return settings.gpuName;
    if (detected === undefined || !targetSpec(settings.target).gpu)
        return "";
    return detected.replace(/^NVIDIA\s+/i, "");
}
/** One glob a line; blank lines and `#` comments are skipped. */
function splitPatterns(text) {
    return text
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "" && !l.startsWith("#"));
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/util/did-you-mean.ts
// "did you mean ...?" for a misspelt name: the closest known one by edit distance, if it is close
// enough to be a typo rather than another word.
/** Levenshtein distance (insert, delete, substitute; each costs 1). */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitute));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}
/**
 * The candidate closest to `word`, when at most a third of it differs (at least one edit, so short
 * words get a suggestion too); case, `_` and `-` count as the same. Undefined when none is that close.
 */
function did_you_mean_closest(word, candidates) {
    const fold = (s) => s.toLowerCase().replace(/_/g, "-");
    const limit = Math.max(1, Math.floor(word.length / 3));
    let best;
    for (const name of candidates) {
        const distance = editDistance(fold(word), fold(name));
        if (distance <= limit && (best === undefined || distance < best.distance))
            best = { name, distance };
    }
    return best?.name;
}
/** ` (did you mean 'x'?)`, or "" when nothing is close. */
function didYouMean(word, candidates) {
    const match = did_you_mean_closest(word, candidates);
    return match === undefined ? "" : ` (did you mean '${match}'?)`;
}

;// CONCATENATED MODULE: ./src/settings/config-file.ts
// trt-pte.yml: the models a repository builds, read as data with the place of every key and value, so
// each mistake is told at `file:line:column`. Only its structure is checked here (keys, value shapes,
// names); what each value means is checked by readSettings, the action's own validation, in
// src/settings/model-list.ts. The format is docs/config.md; schemas/trt-pte.schema.json is generated
// from the same input table for editors.





/** The keys at the top of the file. */
const TOP_KEYS = ["defaults", "models"];
const BUILD_NAMES = BUILD_INPUTS.map((i) => i.name);
const ENTRY_KEYS = ["name", ...BUILD_NAMES];
const DEFAULT_KEYS = BUILD_NAMES.filter((n) => n !== "model");
const MULTILINE = new Set(BUILD_INPUTS.filter((i) => i.kind === "multiline").map((i) => i.name));
/** A problem at a place in the file. */
function problemAt(file, at, message, hint) {
    return new TrtPteError("settings", message, hint, { file, line: at.line, column: at.column });
}
class Reader {
    file;
    lines;
    problems = [];
    constructor(file, lines) {
        this.file = file;
        this.lines = lines;
    }
    position(offset) {
        const { line, col } = this.lines.linePos(offset);
        return { line: Math.max(line, 1), column: col };
    }
    at(node) {
        return this.position(node?.range?.[0] ?? 0);
    }
    problem(at, message, hint) {
        this.problems.push(problemAt(this.file, at, message, hint));
    }
    /** Why `key` is not allowed where `allowed` are, with the closest allowed key. */
    unknownKey(key, where, allowed, at) {
        const input = INPUTS.find((i) => i.name === key);
        if (input !== undefined && input.use !== "build") {
            const why = input.use === "publish"
                ? "publishing inputs and the token belong to the call"
                : "it describes the machine or the call, not a model";
            this.problem(at, `'${key}' cannot be set in ${this.file} (${why})`, `set it as the action's input or the CLI's flag --${key}; it then applies to every model of the call`);
            return;
        }
        const suggestion = didYouMean(key, allowed);
        this.problem(at, `unknown key '${key}' in ${where}${suggestion}`, suggestion === "" ? `${where} takes ${allowed.join(", ")}` : undefined);
    }
    /** A value as the action would get it, or undefined (and a problem) when it is not one. */
    value(key, node, keyAt) {
        if ((0,dist/* isScalar */.jn)(node)) {
            if (node.value === null) {
                this.problem(keyAt, `'${key}' has no value`, "give it one, or remove the key for its default");
                return undefined;
            }
            // Numbers and booleans as written: `1e-3` stays `1e-3`, `3.0` stays `3.0` (which the action refuses).
            const text = typeof node.value === "string" ? node.value : (node.source ?? String(node.value));
            return { text, at: this.at(node), keyAt };
        }
        if ((0,dist/* isSeq */.oP)(node) && MULTILINE.has(key)) {
            const items = [];
            for (const item of node.items) {
                if (!(0,dist/* isScalar */.jn)(item) || item.value === null || typeof item.value === "object") {
                    this.problem(this.at(item), `'${key}' lists something that is not a single value`);
                    return undefined;
                }
                items.push(typeof item.value === "string" ? item.value : (item.source ?? String(item.value)));
            }
            return { text: items.join("\n"), at: this.at(node), keyAt };
        }
        const what = (0,dist/* isSeq */.oP)(node) ? "a list" : (0,dist/* isMap */.jh)(node) ? "a mapping" : "not a value";
        const takes = MULTILINE.has(key) ? "a string (or a list of strings, one per line)" : "a single value";
        this.problem(this.at(node), `'${key}' is ${what}; it takes ${takes}`);
        return undefined;
    }
    /** The map's pairs with string keys, each key reported where it is. */
    pairs(node, where) {
        if (!(0,dist/* isMap */.jh)(node)) {
            this.problem(this.at(node), `${where} must be a mapping of keys to values`);
            return [];
        }
        const out = [];
        for (const pair of node.items) {
            const keyNode = pair.key;
            const keyAt = this.at(keyNode);
            if (!(0,dist/* isScalar */.jn)(keyNode) || typeof keyNode.value !== "string") {
                this.problem(keyAt, `${where} has a key that is not a plain name`);
                continue;
            }
            out.push({ key: keyNode.value, keyAt, pair });
        }
        return out;
    }
    buildValues(node, where, allowed) {
        const values = new Map();
        for (const { key, keyAt, pair } of this.pairs(node, where)) {
            if (where === "defaults" && (key === "model" || key === "name")) {
                this.problem(keyAt, `'${key}' cannot be a default: each model names its own`, "move it into a model's entry");
                continue;
            }
            if (!allowed.includes(key)) {
                this.unknownKey(key, where, allowed, keyAt);
                continue;
            }
            const value = this.value(key, pair.value, keyAt);
            if (value !== undefined)
                values.set(key, value);
        }
        return values;
    }
}
/**
 * Parses a trt-pte.yml. Every problem in it is collected (YAML syntax first: past a syntax error the
 * rest is not read); the caller gets them all at once, each with its position.
 */
function parseConfigFile(file, text) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const reader = new Reader(file, lines);
    const empty = { file, defaults: new Map(), models: [] };
    for (const error of doc.errors) {
        const message = error.message.split("\n")[0] ?? error.message;
        reader.problem(reader.position(error.pos[0]), error.code === "DUPLICATE_KEY" ? "a key is given twice in one mapping" : `not valid YAML: ${message}`, error.code === "DUPLICATE_KEY" ? "keep one of them" : undefined);
    }
    if (reader.problems.length > 0)
        return { config: empty, problems: reader.problems };
    if (doc.contents === null) {
        reader.problem({ line: 1, column: 1 }, "the file is empty", "list your models under `models:`");
        return { config: empty, problems: reader.problems };
    }
    let defaults = new Map();
    let modelsNode;
    let modelsAt;
    for (const { key, keyAt, pair } of reader.pairs(doc.contents, "the file")) {
        if (key === "defaults") {
            defaults = reader.buildValues(pair.value, "defaults", DEFAULT_KEYS);
        }
        else if (key === "models") {
            modelsNode = pair.value;
            modelsAt = keyAt;
        }
        else {
            reader.unknownKey(key, "the top of the file", TOP_KEYS, keyAt);
        }
    }
    const models = [];
    if (modelsAt === undefined) {
        reader.problem(reader.at(doc.contents), "the file has no `models:` list", "list your models under `models:`, each with its `model:`");
    }
    else if (!(0,dist/* isSeq */.oP)(modelsNode) || modelsNode.items.length === 0) {
        reader.problem((0,dist/* isSeq */.oP)(modelsNode) ? modelsAt : reader.at(modelsNode), "`models:` must be a non-empty list", "give each model an entry that starts with `- model: path/to/file.py:factory`");
    }
    else {
        modelsNode.items.forEach((item, index) => {
            const entry = readEntry(reader, item, index);
            if (entry !== undefined)
                models.push(entry);
        });
        checkNames(reader, models);
    }
    return { config: { file, defaults, models }, problems: reader.problems };
}
function readEntry(reader, node, index) {
    const where = `models[${index}]`;
    const at = reader.at(node);
    const before = reader.problems.length;
    const values = reader.buildValues(node, where, ENTRY_KEYS);
    if (!(0,dist/* isMap */.jh)(node))
        return undefined;
    const name = values.get("name");
    values.delete("name");
    const model = values.get("model");
    if (model === undefined) {
        if (reader.problems.length === before ||
            !node.items.some((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === "model")) {
            reader.problem(at, `${where} has no 'model'`, "name the factory, e.g. model: models/net.py:build");
        }
        return undefined;
    }
    if (name !== undefined && !MODEL_NAME.test(name.text)) {
        reader.problem(name.at, `${where}: name '${name.text}' is not 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit`, "it becomes part of artifact and folder names as written");
        return undefined;
    }
    return { index, name: name?.text ?? modelName(model.text), at: name?.at ?? model.at, values };
}
/** Names are unique in the file: they name artifacts, folders, baselines and comment sections. */
function checkNames(reader, models) {
    const first = new Map();
    for (const entry of models) {
        const earlier = first.get(entry.name);
        if (earlier === undefined) {
            first.set(entry.name, entry);
            continue;
        }
        reader.problem(entry.at, `models[${entry.index}]: the name '${entry.name}' is already used by models[${earlier.index}] (line ${earlier.at.line})`, "give one of them a `name:` of its own (two entries of one factory, say with other inputs, need one)");
    }
}

;// CONCATENATED MODULE: ./src/settings/model-list.ts
// What one call builds: the one `model` of its inputs, or every model a trt-pte.yml lists (`config`,
// narrowed by `only`). Each model's Settings come from readSettings, the action's own validation,
// fed with the file's values over its `defaults:` for build inputs and with the call's own inputs for
// the rest; a value it refuses is told at the place in the file it came from.






/** Model names of `only`: commas or lines. */
function parseNames(raw) {
    const names = [];
    for (const item of raw.split(/[,\n]/)) {
        const name = item.trim();
        if (name !== "" && !names.includes(name))
            names.push(name);
    }
    return names;
}
/** True when the call gave the input a value other than its default. */
function isSet(get, name) {
    const raw = get(name).trim();
    return raw !== "" && raw !== (inputDefinition(name).default ?? "").trim();
}
/**
 * `model` or `config`, never both, and with `config` no build input of the call: those live in the
 * file, so a value has one place.
 */
function readCallMode(get) {
    const file = get("config").trim();
    const only = parseNames(get("only"));
    if (file === "") {
        if (only.length > 0) {
            throw new SettingsError("only", "needs `config`", "list the models in a trt-pte.yml and set config (docs/config.md)");
        }
        return { kind: "model" };
    }
    if (get("model").trim() !== "") {
        throw new SettingsError("config", "cannot be combined with `model`", "set one: `model` builds one model, `config` every model its file lists (put this model in the file)");
    }
    if (get("artifact-name").trim() !== "") {
        throw new SettingsError("artifact-name", "cannot be combined with `config`", "each model's artifact is named `<name>-<target>[-<gpu name>]` after its `name` in the file");
    }
    for (const input of INPUTS) {
        if (input.use === "build" && isSet(get, input.name)) {
            throw new SettingsError(input.name, `describes a build, so with \`config\` it is set in ${file}`, "put it under `defaults:` (every model) or in a model's entry, and remove it from the call");
        }
    }
    return { kind: "config", file, only };
}
async function readConfigText(file, ctx) {
    const absolute = resolveInside("config", file, { ...ctx, allowedRoots: [] });
    try {
        return await promises_default().readFile(absolute, "utf8");
    }
    catch (e) {
        const missing = e.code === "ENOENT";
        throw new SettingsError("config", missing
            ? `'${file}' is not a file in ${ctx.workspace}`
            : `'${file}' cannot be read (${e.message})`, "name the trt-pte.yml relative to the workspace (the repository's root in a workflow)");
    }
}
/** Reads, checks and selects the models of a trt-pte.yml; every problem in it is told at once. */
async function readModelList(mode, get, ctx) {
    return modelsOfConfig(mode, await readConfigText(mode.file, ctx), get, ctx);
}
/** The same on the file's text (the plan step and the tests read it themselves). */
function modelsOfConfig(mode, text, get, ctx) {
    const file = mode.file;
    const { config, problems } = parseConfigFile(file, text);
    const models = [];
    // Every model is checked, also those `only` leaves out: a mistake in the file is one wherever it is.
    for (const entry of config.models) {
        const place = (input) => entry.values.get(input) ?? config.defaults.get(input);
        const lookup = (name) => inputDefinition(name).use === "build" ? (place(name)?.text ?? "") : get(name);
        try {
            models.push({ name: entry.name, settings: readSettings(lookup, { ...ctx, name: entry.name }) });
        }
        catch (e) {
            if (!(e instanceof SettingsError))
                throw e;
            const value = place(e.input);
            // A call input's problem (`output-dir`, say) is the call's, not the file's: told once, as it is.
            if (value === undefined || inputDefinition(e.input).use !== "build")
                throw e;
            problems.push(problemAt(file, value.at, `${entry.name}: ${e.message}`, e.hint));
        }
    }
    const unknown = mode.only.filter((name) => !config.models.some((m) => m.name === name));
    if (problems.length === 0 && unknown.length > 0) {
        const names = config.models.map((m) => m.name);
        throw new SettingsError("only", unknown.map((n) => `'${n}' is not a model of ${file}${didYouMean(n, names)}`).join("; "), `its models are ${names.join(", ")}`);
    }
    if (problems.length > 0)
        throw fileProblems(file, problems);
    return {
        config,
        models: mode.only.length === 0 ? models : models.filter((m) => mode.only.includes(m.name)),
    };
}
function fileProblems(file, problems) {
    const n = problems.length;
    return new ProblemsError(problems, `${file}: ${n} problem${n === 1 ? "" : "s"}, nothing was built`, "fix the file at the places above (docs/config.md describes it)");
}

;// CONCATENATED MODULE: ./src/util/time.ts
/** Formats milliseconds for people: `850 ms`, `12.3 s`, `4 min 05 s`. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    const s = ms / 1000;
    if (s < 60)
        return `${s.toFixed(1)} s`;
    const minutes = Math.floor(s / 60);
    return `${minutes} min ${String(Math.round(s - minutes * 60)).padStart(2, "0")} s`;
}

;// CONCATENATED MODULE: ./src/platform/store.ts
// One interface over the two places a cache entry can live: GitHub's cache service (@actions/cache)
// and a persistent folder on a self-hosted runner (`cache-dir`). Both take paths relative to the
// workspace, so an entry restores to the same place whichever runner saved it.
/** A scope's identity, `<repository>@<ref>`: what a store files entries under. */
function scopeId(scope) {
    return `${scope.repository}@${scope.ref}`;
}
/**
 * `store` for a job that may restore but never save (src/cache/scope.ts decides which): every save
 * is "skipped" before it reaches the store.
 */
function readOnlyStore(store) {
    return {
        name: store.name,
        scoping: store.scoping,
        restore: (paths, key, restoreKeys) => store.restore(paths, key, restoreKeys),
        save: () => Promise.resolve("skipped"),
    };
}

;// CONCATENATED MODULE: ./src/platform/dir-store.ts
// A cache in a persistent folder on a self-hosted runner (`cache-dir`): no upload or download, so
// GB-size engines restore at disk speed. Entries are scoped like GitHub's own cache (src/cache/scope.ts): each
// belongs to the repository and ref that saved it, a job restores only from the scopes it trusts
// (its own, its base branch, the default branch) and saves only into its own. Layout:
//   <root>/scopes/<sha256(scope id)>/<sha256(key)>/meta.json  {key, scope, bytes, files: {path: sha256}}
//   <root>/scopes/<sha256(scope id)>/<sha256(key)>/files/...  the cached paths, relative to the workspace
// Writes go to <root>/tmp first and are renamed into place (atomic on one file system), so two jobs
// on one runner never see half an entry; the first rename wins and the loser cleans up. "Newest"
// is when the entry's folder was made, as the file system recorded it: no writer can date its entry
// into the future. Every restored file is checked against the sha256 its
// entry recorded; a mismatch is a miss and a warning. Reads touch meta.json's mtime, and saving
// evicts the least recently used entries (of any scope) over the bound.
//
// What a folder cannot do: code running as the runner's user can write into it directly, past all
// of this. docs/runners.md says what to do about that.





const SCOPES = "scopes";
const TMP = "tmp";
const nameOf = (text) => (0,external_node_crypto_namespaceObject.createHash)("sha256").update(text).digest("hex").slice(0, 32);
/** Copies `from` (file or folder) to `to`, creating parents. */
async function copyInto(from, to) {
    await promises_default().mkdir(external_node_path_default().dirname(to), { recursive: true });
    await promises_default().cp(from, to, { recursive: true, force: true, preserveTimestamps: true });
}
/**
 * sha256 of every regular file below `dir`, or a reason it cannot stand for an entry: a link or
 * any other kind of file could point outside it.
 */
async function manifest(dir) {
    let entries;
    try {
        entries = await promises_default().readdir(dir, { withFileTypes: true, recursive: true });
    }
    catch {
        return { files: {}, bytes: 0 };
    }
    const files = {};
    let bytes = 0;
    for (const entry of entries.sort((a, b) => (a.parentPath + a.name < b.parentPath + b.name ? -1 : 1))) {
        const full = external_node_path_default().join(entry.parentPath, entry.name);
        const rel = external_node_path_default().relative(dir, full).split((external_node_path_default()).sep).join("/");
        if (entry.isDirectory())
            continue;
        if (!entry.isFile())
            return `${rel} is not a regular file`;
        const { hex, bytes: n } = await hashFile(full);
        files[rel] = hex;
        bytes += n;
    }
    return { files, bytes };
}
/** Where two manifests differ, in words, or null when they are equal. */
function difference(recorded, found) {
    for (const [rel, hex] of Object.entries(recorded)) {
        if (!(rel in found))
            return `${rel} is missing`;
        if (found[rel] !== hex)
            return `${rel} has sha256 ${found[rel]}, the entry recorded ${hex}`;
    }
    const extra = Object.keys(found).find((rel) => !(rel in recorded));
    return extra === undefined ? null : `${extra} is not in the entry's record`;
}
async function readMeta(entryDir) {
    try {
        const meta = JSON.parse(await promises_default().readFile(external_node_path_default().join(entryDir, "meta.json"), "utf8"));
        return typeof meta.key === "string" && typeof meta.files === "object" && meta.files !== null
            ? meta
            : undefined;
    }
    catch {
        return undefined; // an entry from a crashed writer never gets renamed in; this is belt and braces
    }
}
function dirCacheStore(options) {
    const { root, workspace, maxBytes, scope } = options;
    const log = options.log ?? (() => undefined);
    const warn = options.warn ?? log;
    const scopeDir = (s) => external_node_path_default().join(root, SCOPES, nameOf(scopeId(s)));
    const ownDir = scopeDir(scope);
    /** The entry in scope `s` with exactly `key`; the meta must agree with where it lies. */
    async function exact(s, key) {
        const dir = external_node_path_default().join(scopeDir(s), nameOf(key));
        const meta = await readMeta(dir);
        return meta?.key === key && scopeId(meta.scope) === scopeId(s) ? { dir, meta } : undefined;
    }
    async function listScope(dir) {
        let names;
        try {
            names = await promises_default().readdir(dir);
        }
        catch {
            return [];
        }
        const found = [];
        for (const name of names) {
            const entryDir = external_node_path_default().join(dir, name);
            const meta = await readMeta(entryDir);
            if (meta === undefined)
                continue;
            // Birth time where the file system keeps one (set when the entry's folder was made, and no
            // call changes it later), else change time (which touching the folder would move).
            const stat = await promises_default().stat(entryDir, { bigint: true });
            found.push({ dir: entryDir, meta, changed: stat.birthtimeNs > 0n ? stat.birthtimeNs : stat.ctimeNs });
        }
        return found;
    }
    /** GitHub's order: in each trusted scope, the exact key, then each prefix's newest entry. */
    async function findEntry(key, restoreKeys) {
        for (const s of scope.readScopes) {
            const hit = await exact(s, key);
            if (hit !== undefined)
                return hit;
            if (restoreKeys.length === 0)
                continue;
            const all = (await listScope(scopeDir(s))).filter((e) => scopeId(e.meta.scope) === scopeId(s));
            for (const prefix of restoreKeys) {
                const newest = all
                    .filter((e) => e.meta.key.startsWith(prefix))
                    .sort((a, b) => (b.changed > a.changed ? 1 : b.changed < a.changed ? -1 : 0))[0];
                if (newest)
                    return newest;
            }
        }
        return undefined;
    }
    /** Entries of the unscoped layout of earlier releases (<root>/entries): never read, so removed. */
    async function dropUnscoped() {
        const legacy = external_node_path_default().join(root, "entries");
        const doomed = external_node_path_default().join(root, TMP, `unscoped-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString("hex")}`);
        try {
            await promises_default().rename(legacy, doomed);
        }
        catch {
            return; // none, or another job is removing it
        }
        await promises_default().rm(doomed, { recursive: true, force: true });
        log(`cache-dir: removed the unscoped entries an earlier trt-pte left in ${legacy}`);
    }
    async function evict(keepDir) {
        await dropUnscoped();
        let scopeNames;
        try {
            scopeNames = await promises_default().readdir(external_node_path_default().join(root, SCOPES));
        }
        catch {
            return;
        }
        const all = [];
        for (const name of scopeNames) {
            for (const entry of await listScope(external_node_path_default().join(root, SCOPES, name))) {
                const used = (await promises_default().stat(external_node_path_default().join(entry.dir, "meta.json"))).mtimeMs;
                all.push({ ...entry, used });
            }
        }
        all.sort((a, b) => a.used - b.used);
        let total = all.reduce((sum, e) => sum + e.meta.bytes, 0);
        for (const entry of all) {
            if (total <= maxBytes)
                break;
            if (entry.dir === keepDir)
                continue;
            // Rename before deleting so a concurrent reader sees the entry whole or not at all.
            const doomed = external_node_path_default().join(root, TMP, `evict-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString("hex")}`);
            try {
                await promises_default().rename(entry.dir, doomed);
            }
            catch {
                continue; // another job evicted it first
            }
            await promises_default().rm(doomed, { recursive: true, force: true });
            total -= entry.meta.bytes;
            log(`cache-dir: evicted ${entry.meta.key} of ${scopeId(entry.meta.scope)} (${entry.meta.bytes} bytes, least recently used)`);
        }
    }
    /** Copies the entry's files into a folder beside the workspace's paths and checks them there. */
    async function restoreChecked(found, paths) {
        // Inside the workspace (so the final moves are renames) and in .trt-pte, which no key hashes.
        const staging = external_node_path_default().join(workspace, ".trt-pte", TMP, `restore-${process.pid}-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString("hex")}`);
        try {
            const files = external_node_path_default().join(found.dir, "files");
            for (const p of paths) {
                const source = external_node_path_default().join(files, p);
                try {
                    await promises_default().access(source);
                }
                catch {
                    continue; // a path that did not exist when the entry was saved
                }
                await copyInto(source, external_node_path_default().join(staging, p));
            }
            const copied = await manifest(staging);
            const problem = typeof copied === "string" ? copied : difference(found.meta.files, copied.files);
            if (problem !== null) {
                warn(`cache-dir: ignoring entry ${found.meta.key} of ${scopeId(found.meta.scope)}: ${problem}. ` +
                    "Something changed it after it was saved; it counts as a miss and this run builds again.");
                return false;
            }
            for (const p of paths) {
                const from = external_node_path_default().join(staging, p);
                const target = external_node_path_default().resolve(workspace, p);
                try {
                    await promises_default().access(from);
                }
                catch {
                    continue;
                }
                await promises_default().rm(target, { recursive: true, force: true });
                await promises_default().mkdir(external_node_path_default().dirname(target), { recursive: true });
                await promises_default().rename(from, target).catch(async () => copyInto(from, target));
            }
            return true;
        }
        finally {
            await promises_default().rm(staging, { recursive: true, force: true });
        }
    }
    return {
        name: `cache-dir ${root}`,
        scoping: "given",
        async restore(paths, key, restoreKeys = []) {
            const found = await findEntry(key, restoreKeys);
            if (found === undefined)
                return undefined;
            if (!(await restoreChecked(found, paths)))
                return undefined;
            const now = new Date();
            await promises_default().utimes(external_node_path_default().join(found.dir, "meta.json"), now, now).catch(() => undefined);
            return found.meta.key;
        },
        async save(paths, key) {
            const finalDir = external_node_path_default().join(ownDir, nameOf(key));
            if ((await exact(scope, key)) !== undefined)
                return "exists";
            const staging = external_node_path_default().join(root, TMP, `save-${process.pid}-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString("hex")}`);
            await promises_default().mkdir(staging, { recursive: true });
            try {
                for (const p of paths) {
                    const source = external_node_path_default().resolve(workspace, p);
                    try {
                        await promises_default().access(source);
                    }
                    catch {
                        continue;
                    }
                    await copyInto(source, external_node_path_default().join(staging, "files", p));
                }
                const recorded = await manifest(external_node_path_default().join(staging, "files"));
                if (typeof recorded === "string") {
                    log(`cache-dir: not saving ${key}: ${recorded}`);
                    return "refused";
                }
                if (recorded.bytes > maxBytes) {
                    log(`cache-dir: not saving ${key}: ${recorded.bytes} bytes is over the ${maxBytes}-byte bound`);
                    return "refused";
                }
                const meta = {
                    key,
                    scope: { repository: scope.repository, ref: scope.ref },
                    bytes: recorded.bytes,
                    files: recorded.files,
                };
                await promises_default().writeFile(external_node_path_default().join(staging, "meta.json"), JSON.stringify(meta));
                await promises_default().mkdir(ownDir, { recursive: true });
                try {
                    await promises_default().rename(staging, finalDir);
                }
                catch (e) {
                    const code = e.code;
                    if (code === "ENOTEMPTY" || code === "EEXIST")
                        return "exists"; // a concurrent job won
                    throw e;
                }
                await evict(finalDir);
                return "saved";
            }
            finally {
                await promises_default().rm(staging, { recursive: true, force: true });
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/platform/local.ts
// The local adapter: the same ports on a laptop or any machine without GitHub. Artifacts are copied
// into a folder, the summary is printed to the terminal as text (the pipeline writes its markdown
// beside report.json).







function at(where) {
    if (where === undefined)
        return "";
    if (where.line === undefined)
        return `${where.file}: `;
    return where.column === undefined
        ? `${where.file}:${where.line}: `
        : `${where.file}:${where.line}:${where.column}: `;
}
// The CLI may run in a workflow step, whose output the runner reads for commands: every line is inert.
function localLog(print = (l) => process.stderr.write(`${l}\n`)) {
    const write = (line) => print(inert(line));
    return {
        info: (message) => write(message),
        warning: (message, where) => write(`warning: ${at(where)}${message}`),
        error: (message, where) => write(`error: ${at(where)}${message}`),
        verbatim: (fn) => fn(),
        aside: (summary) => write(summary),
        async group(title, fn) {
            const started = performance.now();
            write(`▸ ${title}`);
            try {
                return await fn();
            }
            finally {
                write(`  ${title}: ${formatDuration(performance.now() - started)}`);
            }
        },
    };
}
/**
 * Copies each artifact, one file, to `<dir>/<name>`: the folder holds what a download would. A file
 * it replaces waits beside it until the run settles, so a run that fails later leaves the last good
 * copy where it was.
 */
function folderArtifacts(dir) {
    let nextId = 1;
    const replaced = new Map(); // destination → where the file it replaced waits
    return {
        async uploadFile(name, file) {
            const destination = external_node_path_default().join(dir, name);
            await promises_default().mkdir(dir, { recursive: true });
            // Copy beside it first, then rename: a reader never sees half a file.
            const partial = `${destination}.partial-${process.pid}`;
            try {
                await promises_default().copyFile(file, partial);
                if (!replaced.has(destination)) {
                    const previous = `${destination}.previous-${process.pid}`;
                    const kept = await promises_default().rename(destination, previous).then(() => true, () => false);
                    replaced.set(destination, kept ? previous : null);
                }
                await promises_default().rename(partial, destination);
            }
            finally {
                await promises_default().rm(partial, { force: true });
            }
            const { size } = await promises_default().stat(destination);
            return { id: nextId++, size, digest: `sha256:${await sha256File(destination)}`, url: destination };
        },
        async remove(name) {
            await promises_default().rm(external_node_path_default().join(dir, name), { force: true });
        },
        async settle(succeeded, names) {
            for (const name of names) {
                const destination = external_node_path_default().join(dir, name);
                const previous = replaced.get(destination);
                if (previous === undefined)
                    continue;
                replaced.delete(destination);
                if (succeeded) {
                    if (previous !== null)
                        await promises_default().rm(previous, { force: true });
                    continue;
                }
                await promises_default().rm(destination, { force: true });
                if (previous !== null)
                    await promises_default().rename(previous, destination);
            }
        },
    };
}
/** The CLI's own cache folder when no `--cache-dir` is given: $XDG_CACHE_HOME/trt-pte or ~/.cache/trt-pte. */
function userCacheDir(env = process.env) {
    return external_node_path_default().join(env.XDG_CACHE_HOME ?? external_node_path_default().join(external_node_os_default().homedir(), ".cache"), "trt-pte");
}
function localPlatform(options) {
    const outputs = new Map();
    const write = options.write ?? ((l) => process.stderr.write(`${l}\n`));
    return {
        log: localLog(write),
        artifacts: folderArtifacts(options.artifactDir),
        outputs,
        issueComments: () => null,
        inWorkflow: false,
        async defaultCacheStore({ workspace, maxBytes, scope, warn }) {
            const root = options.cacheDir === undefined ? userCacheDir() : options.cacheDir;
            return root === null
                ? null
                : dirCacheStore({ root, workspace, maxBytes, scope, log: (line) => write(inert(line)), warn });
        },
        async writeSummary({ text }) {
            (options.printSummary ?? ((t) => process.stdout.write(inert(t))))(text);
        },
        setOutput: (name, value) => void outputs.set(name, value),
    };
}

;// CONCATENATED MODULE: ./src/protocol.ts
// The request and result files between the action and the Python driver (docs/ARCHITECTURE.md
// "The TypeScript ↔ Python protocol"). Mirrors src/python/trt_pte/protocol.py; keys are snake_case
// on the wire.
const PROTOCOL_VERSION = 1;

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/driver-env.ts
// The driver's environment: an allowlist, not the action's environment minus a few names. Model code
// (and every pickle and package it loads) runs in the driver, so it gets what an ML process needs and
// nothing the runner gave the action to act with: no token, no inputs, no runtime URLs, no command
// files. The action's own process still holds all of that, so this is defence in depth (docs/security.md), not a wall against code running as the same user.

/** Names passed as they are. */
const driver_env_NAMES = [
    "PATH",
    "HOME",
    "USER",
    "LOGNAME",
    "SHELL",
    "TERM",
    "TZ",
    "LANG",
    "LANGUAGE",
    "HOSTNAME",
    // The runner marks every process of a job with it and, when the job ends, stops those still
    // running ("Cleaning up orphan processes"): without it, a process the model left behind that
    // escaped the driver's process group (src/util/process-group.ts) would outlive the job.
    "RUNNER_TRACKING_ID",
    // Native code: the CUDA and TensorRT libraries, and the compilers torch's inductor calls.
    "LD_LIBRARY_PATH",
    "LIBRARY_PATH",
    "CPATH",
    "PKG_CONFIG_PATH",
    "CC",
    "CXX",
    "CFLAGS",
    "CXXFLAGS",
    "LDFLAGS",
    "VIRTUAL_ENV",
    // Downloads of weights and packages behind a proxy or a private CA.
    "http_proxy",
    "https_proxy",
    "no_proxy",
    "all_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "NO_PROXY",
    "ALL_PROXY",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "REQUESTS_CA_BUNDLE",
    "CURL_CA_BUNDLE",
    // Windows (the CLI on a laptop): Python and its subprocesses do not start without these.
    "SYSTEMROOT",
    "WINDIR",
    "COMSPEC",
    "PATHEXT",
    "USERPROFILE",
    "APPDATA",
    "LOCALAPPDATA",
    "PROGRAMDATA",
    "NUMBER_OF_PROCESSORS",
    "PROCESSOR_ARCHITECTURE",
];
/** Families passed by prefix: locale, Python, CUDA/NVIDIA, torch, TensorRT, Hugging Face, threads. */
const PREFIXES = [
    "LC_",
    "PYTHON",
    "CONDA_",
    "CUDA",
    "CUDNN_",
    "CUBLAS",
    "NVIDIA_",
    "NV_",
    "NCCL_",
    "TORCH",
    "PYTORCH_",
    "TRT_",
    "TENSORRT",
    "TRITON_",
    "HF_",
    "HUGGINGFACE_",
    "TRANSFORMERS_",
    "OMP_",
    "KMP_",
    "MKL_",
    "OPENBLAS_",
];
function allowed(name, value, passthrough) {
    // A credential passes only by its exact name in env-passthrough, whatever family or glob matches it.
    if (isCredential(name, value))
        return passthrough.includes(name);
    const upper = name.toUpperCase();
    return (driver_env_NAMES.includes(name) ||
        driver_env_NAMES.includes(upper) ||
        PREFIXES.some((prefix) => upper.startsWith(prefix)) ||
        passthrough.some((glob) => matchesEnvGlob(name, glob)));
}
function isCredential(name, value) {
    return isCredentialName(name) || isProxyWithCredentials(name, value);
}
/**
 * The credential-shaped variables of `parent` the driver does not get (names only, sorted), for one
 * line in the log: each would have passed the allowlist or a glob, and needs its exact name in
 * `env-passthrough` to reach model code.
 */
function withheldCredentials(parent, passthrough) {
    const withheld = [];
    for (const [name, value] of Object.entries(parent)) {
        if (value === undefined || isForbiddenEnv(name) || !isCredential(name, value))
            continue;
        if (allowed(name, value, passthrough))
            continue;
        const upper = name.toUpperCase();
        const wouldPass = driver_env_NAMES.includes(name) ||
            driver_env_NAMES.includes(upper) ||
            PREFIXES.some((prefix) => upper.startsWith(prefix)) ||
            passthrough.some((glob) => matchesEnvGlob(name, glob));
        if (wouldPass)
            withheld.push(name);
    }
    return withheld.sort();
}
/**
 * The driver's environment from the action's (or the CLI's) own: the allowlist, the names and globs
 * of `env-passthrough`, never a forbidden name (src/util/env-names.ts), a credential-shaped name or
 * a proxy URL with a user or password only when `env-passthrough` names it exactly, and the run's
 * folders.
 */
function driverEnvironment(parent, options) {
    const env = {};
    for (const [name, value] of Object.entries(parent)) {
        if (value !== undefined && !isForbiddenEnv(name) && allowed(name, value, options.passthrough))
            env[name] = value;
    }
    return { ...env, ...runFolders(options.runDir), PYTHONUNBUFFERED: "1" };
}

;// CONCATENATED MODULE: ./src/util/process-group.ts
// The driver runs model code, which may start processes of its own (a data loader, a compile worker,
// or something that means harm) and leave them behind. A runner lives for months: a process left
// running from one job could write into a later job's output, and one that keeps the driver's
// stdout open would keep the action waiting for output that never ends. So the driver runs as the
// leader of a process group of its own, and the group goes when the driver does.
/** How long what the driver left behind gets after SIGTERM before SIGKILL. */
const GRACE_MS = 3000;
/** Whether children get a process group of their own here (POSIX only; Windows has no groups). */
const OWN_GROUP = process.platform !== "win32";
const FORWARDED = ["SIGINT", "SIGTERM", "SIGHUP"];
/** Sends `signal` to every process in `pid`'s group; false when the group is already empty. */
function signalGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
        return true;
    }
    catch {
        return false; // ESRCH: nothing left in the group
    }
}
/** How often a stopping group is looked at: short next to GRACE_MS, cheap (one kill(2) each). */
const POLL_MS = 50;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** False after `ms`, on a timer that does not keep this process alive by itself. */
const giveUpAfter = (ms) => new Promise((resolve) => setTimeout(() => resolve(false), ms).unref());
/**
 * Stops what is left in `pid`'s group: SIGTERM, then SIGKILL for whatever is still there after
 * GRACE_MS. Resolves at once when the group is empty, as it is after most runs, and otherwise once
 * the group is gone or has been sent SIGKILL, so a process that ignores SIGTERM never outlives the
 * run, whether or not it holds the driver's output open.
 */
async function stopGroup(pid) {
    if (!signalGroup(pid, "SIGTERM"))
        return;
    for (let waited = 0; waited < GRACE_MS; waited += POLL_MS) {
        await pause(POLL_MS);
        if (!signalGroup(pid, 0))
            return;
    }
    signalGroup(pid, "SIGKILL");
}
/**
 * Ties a child started with `detached: OWN_GROUP` to this process:
 * - when the child exits, whatever is left in its group gets SIGTERM, then SIGKILL after GRACE_MS;
 * - when this process is told to stop (Ctrl-C in a terminal, the runner cancelling the job), the
 *   group is stopped first, since a separate group no longer gets the terminal's signals;
 * - `settled` resolves once the group is gone (or was sent SIGKILL) and the child's output has
 *   ended, or GRACE_MS later when a process that left the group (setsid) still holds it open.
 */
function tieGroupToChild(child) {
    const pid = child.pid;
    if (!OWN_GROUP || pid === undefined) {
        return { settled: new Promise((resolve) => child.once("close", () => resolve())) };
    }
    const onSignal = (signal) => {
        signalGroup(pid, "SIGTERM");
        release();
        // Go on stopping the way this process would have without the handler.
        process.kill(process.pid, signal);
    };
    const release = () => {
        for (const signal of FORWARDED)
            process.removeListener(signal, onSignal);
    };
    for (const signal of FORWARDED)
        process.once(signal, onSignal);
    const closed = new Promise((resolve) => child.once("close", () => resolve()));
    const exited = new Promise((resolve) => child.once("exit", () => resolve()));
    const settled = exited.then(async () => {
        release();
        await stopGroup(pid);
        // A process that left the group (setsid) may still hold the pipes: stop reading them.
        const ended = await Promise.race([closed.then(() => true), giveUpAfter(GRACE_MS)]);
        if (!ended) {
            child.stdout?.destroy();
            child.stderr?.destroy();
        }
    });
    return { settled };
}

;// CONCATENATED MODULE: ./src/python-driver.ts
// Starting the Python driver: where it lives, how it is run, and its output streamed line by line.










/**
 * The folder holding the `trt_pte` package. It travels with the action (GitHub checks out the whole
 * repository) and the npm package (`files`), and the bundle finds it relative to its own file
 * (docs/ARCHITECTURE.md "Shipping the Python driver"): dist/index.js, dist/cli/index.js and
 * src/*.ts alike.
 */
function driverRoot(from = external_node_path_default().dirname((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url))) {
    for (let dir = from;; dir = external_node_path_default().dirname(dir)) {
        const candidate = external_node_path_default().join(dir, "src", "python");
        if ((0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(candidate, "trt_pte", "__main__.py")))
            return candidate;
        if (external_node_path_default().dirname(dir) === dir)
            break;
    }
    throw new Error(`the trt_pte Python package was not found above ${from}; the action's checkout is incomplete`);
}
const TAIL_LINES = 40;
/**
 * The script that starts the driver, beside the `trt_pte` package. `python -m trt_pte` would put the
 * working directory (the user's workspace) first on sys.path, so a `trt_pte/` folder there would be
 * imported instead of ours. Python puts a script's own folder first instead, on every supported
 * version, and the script puts it back there itself for the cases where Python does not (see its
 * docstring).
 */
const BOOTSTRAP = "trt_pte_driver.py";
/**
 * Where trt-pte makes the private folders of a run (the driver's temp folder, the request and
 * result files): the system's temp folder, never inside RUNNER_TEMP, which holds the runner's own
 * command files (a runner that points TMPDIR there gets /tmp instead).
 */
function privateTempRoot(env) {
    const system = external_node_os_default().tmpdir();
    const runnerTemp = env.RUNNER_TEMP;
    if (runnerTemp === undefined || runnerTemp === "" || process.platform === "win32")
        return system;
    return isInside(external_node_path_default().resolve(system), external_node_path_default().resolve(runnerTemp)) ? "/tmp" : system;
}
/**
 * Runs the driver with `args`, calling onLine for every line it prints as soon as it is printed (the
 * export takes minutes; people watch it live). The driver gets a fresh private temp folder of its
 * own, outside RUNNER_TEMP, removed when it exits.
 */
async function runDriver(python, args, options) {
    const parent = options.env ?? process.env;
    const tempRoot = options.tempRoot ?? privateTempRoot(parent);
    await promises_default().mkdir(tempRoot, { recursive: true });
    // mkdtemp makes the folder with mode 0700: no other user of the runner reads what the model writes.
    const runDir = await promises_default().mkdtemp(external_node_path_default().join(tempRoot, "trt-pte-run-"));
    const env = driverEnvironment(parent, { passthrough: options.passthrough ?? [], runDir });
    for (const dir of new Set([env.TMPDIR, env.TORCHINDUCTOR_CACHE_DIR, env.TRITON_CACHE_DIR])) {
        if (dir !== undefined)
            await promises_default().mkdir(dir, { recursive: true });
    }
    try {
        return await spawnDriver(python, [external_node_path_default().join(driverRoot(), BOOTSTRAP), ...args], options, env);
    }
    finally {
        await promises_default().rm(runDir, { recursive: true, force: true });
    }
}
function spawnDriver(python, argv, options, env) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(python, argv, {
            cwd: options.cwd,
            env,
            stdio: ["ignore", "pipe", "pipe"],
            // A group of its own, stopped with the driver: nothing the model starts outlives it.
            detached: OWN_GROUP,
        });
        const { settled } = tieGroupToChild(child);
        const tail = [];
        const emit = (line) => {
            tail.push(line);
            if (tail.length > TAIL_LINES)
                tail.shift();
            options.onLine(line);
        };
        for (const stream of [child.stdout, child.stderr]) {
            let pending = "";
            stream.setEncoding("utf8");
            stream.on("data", (chunk) => {
                pending += chunk;
                const lines = pending.split("\n");
                pending = lines.pop() ?? "";
                for (const line of lines)
                    emit(line.replace(/\r$/, ""));
            });
            stream.on("end", () => {
                if (pending !== "")
                    emit(pending);
                pending = "";
            });
        }
        child.on("error", (err) => {
            if (err.code === "ENOENT") {
                reject(new SettingsError("python", `'${python}' was not found`, "install Python, or set `python` (the CLI's `--python`) to the interpreter of your ML environment"));
            }
            else
                reject(err);
        });
        child.once("exit", (exitCode, signal) => {
            void settled.then(() => resolve({ exitCode, signal, tail }));
        });
    });
}

;// CONCATENATED MODULE: ./src/util/json-shape.ts
// Parsed JSON that trt-pte does not trust (the export process's result file, a cached report),
// checked against a shape before anything reads it: types, enumerations, bounded numbers, bounded
// string lengths and list sizes. A value that does not fit is an error naming its field and the rule
// it broke, never the value itself, so nothing from the file reaches a message through here. Keys a
// shape does not name are dropped: what is returned holds only what was checked.
//
// Hand-written rather than a JSON Schema validator: each shape is typed against the interface it
// reads (src/protocol.ts), so tsc keeps the two in step, and the bundles carry no schema compiler.
// Every shape also describes itself (`spec`), so a test can generate values of it.
class ShapeError extends Error {
    field;
    problem;
    constructor(
    /** Where in the document: `benchmark.points[0].shape`. */
    field, 
    /** What rule the value broke, in words; never the value. */
    problem) {
        super(`${field}: ${problem}`);
        this.field = field;
        this.problem = problem;
        this.name = "ShapeError";
    }
}
function shape(spec, read) {
    return { spec, read };
}
function typeName(value) {
    return value === null ? "null" : Array.isArray(value) ? "a list" : `a ${typeof value}`;
}
/** A string of at most `maxChars` characters, matching `pattern` when one is given. */
function json_shape_text(maxChars, pattern = null) {
    return shape({ kind: "string", maxChars, pattern, values: null }, (value, field) => {
        if (typeof value !== "string")
            throw new ShapeError(field, `expected a string, found ${typeName(value)}`);
        if (value.length > maxChars)
            throw new ShapeError(field, `is ${value.length} characters long, more than ${maxChars}`);
        if (pattern !== null && !pattern.test(value))
            throw new ShapeError(field, `is not of the form ${pattern.source}`);
        return value;
    });
}
/** One of a fixed list of strings. */
function oneOf(values) {
    const maxChars = Math.max(0, ...values.map((v) => v.length));
    return shape({ kind: "string", maxChars, pattern: null, values }, (value, field) => {
        if (typeof value !== "string" || !values.includes(value))
            throw new ShapeError(field, `expected one of ${values.join(", ")}`);
        return value;
    });
}
function numeric(min, max, integer) {
    return shape({ kind: "number", min, max, integer }, (value, field) => {
        if (typeof value !== "number" || !Number.isFinite(value))
            throw new ShapeError(field, `expected a finite number, found ${typeName(value)}`);
        if (integer && !Number.isSafeInteger(value))
            throw new ShapeError(field, "expected a whole number");
        if (value < min || value > max)
            throw new ShapeError(field, `expected a number from ${min} to ${max}`);
        return value;
    });
}
function number(min, max) {
    return numeric(min, max, false);
}
function integer(min, max) {
    return numeric(min, max, true);
}
const json_shape_boolean = shape({ kind: "boolean" }, (value, field) => {
    if (typeof value !== "boolean")
        throw new ShapeError(field, `expected true or false, found ${typeName(value)}`);
    return value;
});
function literal(expected) {
    return shape({ kind: "literal", value: expected }, (value, field) => {
        if (value !== expected)
            throw new ShapeError(field, `expected ${JSON.stringify(expected)}`);
        return expected;
    });
}
function nullable(of) {
    return shape({ kind: "nullable", of: of.spec }, (value, field) => value === null ? null : of.read(value, field));
}
/** A key that may be absent (or undefined); present, it must fit. */
function optional(of) {
    return shape({ kind: "optional", of: of.spec }, (value, field) => value === undefined ? undefined : of.read(value, field));
}
function json_shape_list(of, maxItems) {
    return shape({ kind: "list", of: of.spec, maxItems }, (value, field) => {
        if (!Array.isArray(value))
            throw new ShapeError(field, `expected a list, found ${typeName(value)}`);
        if (value.length > maxItems)
            throw new ShapeError(field, `has ${value.length} items, more than ${maxItems}`);
        return value.map((item, i) => of.read(item, `${field}[${i}]`));
    });
}
/** A list of exactly as many items as shapes, each of its own shape: `[low, high]`. */
function tuple(...of) {
    return shape({ kind: "tuple", of: of.map((s) => s.spec) }, (value, field) => {
        if (!Array.isArray(value) || value.length !== of.length)
            throw new ShapeError(field, `expected a list of ${of.length} items`);
        return of.map((s, i) => s.read(value[i], `${field}[${i}]`));
    });
}
function json_shape_isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** Sets an own property, whatever its name (`__proto__` included), on a plain object. */
function put(target, key, value) {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
/**
 * An object whose keys come from the file (backend ids, package names). A bad key is named by its
 * position, not its text, since the text is what is in doubt.
 */
function record(key, of, maxEntries) {
    return shape({ kind: "record", key: key.spec, value: of.spec, maxEntries }, (value, field) => {
        if (!json_shape_isObject(value))
            throw new ShapeError(field, `expected an object, found ${typeName(value)}`);
        const entries = Object.entries(value);
        if (entries.length > maxEntries)
            throw new ShapeError(field, `has ${entries.length} keys, more than ${maxEntries}`);
        const out = {};
        entries.forEach(([k, v], i) => {
            key.read(k, `${field} (key ${i + 1})`);
            put(out, k, of.read(v, `${field}.${/^[A-Za-z0-9_]{1,64}$/.test(k) ? k : `(key ${i + 1})`}`));
        });
        return out;
    });
}
/** An object with the given fields; keys the shape does not name are dropped. */
function json_shape_object(fields) {
    const specs = {};
    for (const [k, s] of Object.entries(fields))
        specs[k] = s.spec;
    return shape({ kind: "object", fields: specs }, (value, field) => {
        if (!json_shape_isObject(value))
            throw new ShapeError(field, `expected an object, found ${typeName(value)}`);
        const out = {};
        for (const [k, s] of Object.entries(fields)) {
            const read = s.read(Object.hasOwn(value, k) ? value[k] : undefined, field === "" ? k : `${field}.${k}`);
            if (read !== undefined)
                put(out, k, read);
        }
        return out;
    });
}
/** Whether `value` nests deeper than `max` levels, looking no deeper than that. */
function deeper(value, max) {
    const children = Array.isArray(value) ? value : json_shape_isObject(value) ? Object.values(value) : null;
    if (children === null)
        return false;
    if (max === 0)
        return true;
    return children.some((child) => deeper(child, max - 1));
}
/**
 * Any JSON value, bounded in size and nesting, for data trt-pte stores but never shows (the
 * target's build details); what reads a part of it checks that part's type where it reads it.
 */
function json(maxChars, maxDepth) {
    return shape({ kind: "json", maxChars, maxDepth }, (value, field) => {
        if (value === undefined)
            throw new ShapeError(field, "is missing");
        if (deeper(value, maxDepth))
            throw new ShapeError(field, `is nested more than ${maxDepth} levels deep`);
        const written = JSON.stringify(value);
        if (written.length > maxChars)
            throw new ShapeError(field, `is ${written.length} characters of JSON, more than ${maxChars}`);
        return JSON.parse(written);
    });
}

;// CONCATENATED MODULE: ./src/result-file.ts
// The export process's result file as untrusted input (docs/security.md). The driver writes it, but
// so can the model's code, which runs in the same process (an exit hook can rewrite it after the
// driver is done). So before anything reads it, it is checked against the shapes below: types,
// the runtimes, shapes, kinds and targets trt-pte knows, bounded numbers and string lengths, file
// names that are plain names. What does not fit fails the run naming the field, and the value is
// never shown. What fits is still only the process's word: src/verify.ts measures the files and
// checks the claims it can, and the summary says which facts came from the process.






/** A result file larger than this is not one the driver wrote (real ones are kilobytes). */
const MAX_RESULT_BYTES = 16 * 1024 * 1024;
const BYTES = integer(0, Number.MAX_SAFE_INTEGER);
const COUNT = integer(0, 1_000_000_000);
const NON_NEGATIVE = number(0, Number.MAX_VALUE);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A package or driver version as PEP 440 and `torch.version.cuda` write them: `2.13.0+cu130`. */
const VERSION = json_shape_text(64, /^[0-9A-Za-z][0-9A-Za-z.+!_-]*$/);
/**
 * A file the export wrote, by its plain name inside the output folder: no separator, not `.` or
 * `..`, no control character, so it can only ever name a file in that folder.
 */
// eslint-disable-next-line no-control-regex -- control characters are what the name must not hold
const FILE_NAME = json_shape_text(255, /^(?!\.{1,2}$)[^/\\\u0000-\u001f\u007f]+$/);
const RESULT_FILE_SHAPE = json_shape_object({
    name: FILE_NAME,
    kind: oneOf(["pte", "ptd"]),
    bytes: BYTES,
    sha256: json_shape_text(64, /^[0-9a-f]{64}$/),
});
/** Backend ids as ExecuTorch writes them (`TensorRTBackend`), and `undelegated`. */
const PARTITION = record(json_shape_text(64, IDENTIFIER), COUNT, 32);
const VERSIONS = record(json_shape_text(32, /^[a-z][a-z0-9_]*$/), nullable(VERSION), 32);
const DIM = json_shape_object({
    symbol: nullable(json_shape_text(64, IDENTIFIER)),
    min: integer(0, MAX_DIM),
    opt: integer(0, MAX_DIM),
    max: integer(0, MAX_DIM),
});
const result_file_INPUTS = json_shape_list(json_shape_object({ name: nullable(json_shape_text(64, IDENTIFIER)), dtype: oneOf(DTYPES), dims: json_shape_list(DIM, 16) }), 64);
/** An output's path in what forward() returns (`scores`, `out.0.logits`): the model's keys, so its text. */
const OUTPUT_NAME = json_shape_text(500);
/** The model's outputs by name, dtype (torch's name) and shape. */
const result_file_OUTPUTS = json_shape_list(json_shape_object({
    name: OUTPUT_NAME,
    dtype: json_shape_text(32, /^[a-z][a-z0-9_]*$/),
    shape: json_shape_list(integer(0, MAX_DIM), 64),
}), 10_000);
const ACCURACY = json_shape_object({
    status: oneOf(["checked", "skipped"]),
    against: json_shape_text(300),
    reason: nullable(json_shape_text(2000)),
    tolerance: nullable(NON_NEGATIVE),
    points: json_shape_list(json_shape_object({
        shape: oneOf(SHAPE_POINTS),
        outputs: json_shape_list(json_shape_object({
            index: COUNT,
            name: optional(OUTPUT_NAME),
            max_abs: NON_NEGATIVE,
            max_rel: NON_NEGATIVE,
            shape_matches: json_shape_boolean,
        }), 10_000),
    }), SHAPE_POINTS.length),
    max_abs: NON_NEGATIVE,
    max_rel: NON_NEGATIVE,
    passed: nullable(json_shape_boolean),
    uninformative: optional(nullable(json_shape_text(2000))),
});
/**
 * What ran the .pte (src/python/trt_pte/execution.py): ExecuTorch's runtime, the runtime wheel and
 * its version, a runner binary and its path, or the compiled module / nothing when the .pte itself
 * did not run. src/verify.ts checks the named one against the environment.
 */
const RUNTIME = json_shape_text(4200, /^(?:executorch runtime|compiled module|none|torch-tensorrt-executorch-runtime(?: [0-9A-Za-z.+!_-]{1,64})?|(?:executor_runner|example_executorch_runner) \(\/.+\))$/);
const EXECUTION = json_shape_object({
    runtime: RUNTIME,
    pte_ran: json_shape_boolean,
    reason: nullable(json_shape_text(8000)),
    checks: nullable(json_shape_text(4300)),
    notes: json_shape_list(json_shape_text(2000), 16),
});
const DETERMINISM = json_shape_object({
    runs: integer(1, 1_000_000),
    identical: json_shape_boolean,
    max_abs_diff: nullable(NON_NEGATIVE),
    where: nullable(json_shape_text(500)),
});
const MS = number(0, 1e9);
/** A 95% interval, low and high. */
const INTERVAL = tuple(NON_NEGATIVE, NON_NEGATIVE);
const NOTE = json_shape_text(1000);
const TIMING = json_shape_object({
    median_ms: MS,
    p10_ms: MS,
    p90_ms: MS,
    runs: integer(1, 1_000_000_000),
    median_ci: optional(tuple(MS, MS)),
});
const RATIO = json_shape_object({
    ratio: NON_NEGATIVE,
    low: NON_NEGATIVE,
    high: NON_NEGATIVE,
    rounds: integer(0, 1_000_000_000),
});
const BENCHMARK = json_shape_object({
    method: optional(literal("paired")),
    device: json_shape_text(200),
    budget_s: number(0, 1e7),
    built: json_shape_text(4300),
    built_includes: optional(nullable(NOTE)),
    compiled: optional(nullable(NOTE)),
    threads: nullable(integer(1, 100_000)),
    warmup_rounds: optional(integer(0, 1_000_000)),
    points: json_shape_list(json_shape_object({
        shape: oneOf(SHAPE_POINTS),
        same_as: optional(json_shape_list(oneOf(SHAPE_POINTS), SHAPE_POINTS.length)),
        eager: TIMING,
        built: TIMING,
        speedup: nullable(NON_NEGATIVE),
        speedup_ci: optional(INTERVAL),
        rounds: optional(integer(0, 1_000_000_000)),
        noisy: optional(json_shape_boolean),
        noise: optional(nullable(NOTE)),
        compiled: optional(nullable(json_shape_object({
            timing: TIMING,
            speedup: NON_NEGATIVE,
            speedup_ci: INTERVAL,
            noisy: json_shape_boolean,
            noise: nullable(NOTE),
        }))),
        base: optional(nullable(json_shape_object({ timing: nullable(TIMING), change: nullable(RATIO), error: nullable(json_shape_text(2000)) }))),
    }), SHAPE_POINTS.length),
    base: optional(nullable(json_shape_object({
        sha256: json_shape_text(64, /^[0-9a-f]{64}$/),
        status: oneOf(["timed", "skipped"]),
        reason: nullable(json_shape_text(2000)),
    }))),
    shape_flags: optional(json_shape_list(NOTE, 16)),
});
const MEMORY = json_shape_object({
    host_peak_bytes: nullable(BYTES),
    eager_device_bytes: nullable(BYTES),
    built_device_bytes: nullable(BYTES),
    built_device_how: nullable(json_shape_text(200)),
});
/** Seconds per step (`load_model`, `export`, ...). */
const TIMINGS = record(json_shape_text(64, /^[A-Za-z0-9_.-]+$/), number(0, 1e7), 64);
/** The target's build details: stored in report.json, never shown as they are. */
const DETAILS = record(json_shape_text(64, IDENTIFIER), json(256 * 1024, 8), 64);
const DRIVER_ERROR = json_shape_object({
    kind: oneOf(ERROR_KINDS),
    message: json_shape_text(100_000),
    hint: nullable(json_shape_text(10_000)),
    location: nullable(json_shape_object({ file: json_shape_text(4096), line: nullable(integer(1, 1_000_000_000)) })),
});
const RESULT_SHAPE = json_shape_object({
    protocol: literal(PROTOCOL_VERSION),
    status: oneOf(["ok", "error"]),
    driver_version: VERSION,
    target: optional(oneOf(TARGETS)),
    versions: VERSIONS,
    files: optional(json_shape_list(RESULT_FILE_SHAPE, 64)),
    partition: optional(PARTITION),
    accuracy: optional(ACCURACY),
    execution: optional(EXECUTION),
    determinism: optional(nullable(DETERMINISM)),
    benchmark: optional(nullable(BENCHMARK)),
    memory: optional(nullable(MEMORY)),
    timings: optional(TIMINGS),
    details: optional(DETAILS),
    inputs: optional(result_file_INPUTS),
    outputs: optional(result_file_OUTPUTS),
    sources: optional(json_shape_list(json_shape_text(4096), 100_000)),
    seconds: optional(number(0, 1e7)),
    error: optional(DRIVER_ERROR),
});
const UNTRUSTED_HINT = "the export process wrote a result trt-pte does not accept; model code runs in that process and can rewrite the file, so nothing from it was shown or published (docs/security.md)";
function result_file_refuse(problem) {
    throw new TrtPteError("verification", `result.json: ${problem}`, UNTRUSTED_HINT);
}
/** The result in `text`, checked against RESULT_SHAPE; a TrtPteError naming the field otherwise. */
function parseResult(content) {
    let raw;
    try {
        raw = JSON.parse(content);
    }
    catch {
        result_file_refuse("is not JSON");
    }
    const isObject = typeof raw === "object" && raw !== null && !Array.isArray(raw);
    if (isObject && raw.protocol !== PROTOCOL_VERSION) {
        const seen = raw.protocol;
        throw new TrtPteError("internal", `result.json: protocol ${Number.isSafeInteger(seen) ? String(seen) : "(not a number)"} is not ${PROTOCOL_VERSION}`, "the action and its Python driver come from different versions; use both from one checkout");
    }
    try {
        return RESULT_SHAPE.read(raw, "");
    }
    catch (e) {
        if (e instanceof ShapeError)
            result_file_refuse(e.field === "" ? e.problem : e.message);
        throw e;
    }
}
/**
 * Reads and checks the result file; null when there is none (the driver died before writing it).
 * A file over MAX_RESULT_BYTES is refused before it is read into memory.
 */
async function readResultFile(file) {
    let size;
    try {
        const stat = await promises_default().lstat(file);
        if (!stat.isFile())
            result_file_refuse("is not a regular file");
        size = stat.size;
    }
    catch (e) {
        if (e.code === "ENOENT")
            return null;
        throw e;
    }
    if (size > MAX_RESULT_BYTES)
        result_file_refuse(`is ${size} bytes, more than ${MAX_RESULT_BYTES}`);
    return parseResult(await promises_default().readFile(file, "utf8"));
}

;// CONCATENATED MODULE: ./src/export.ts
// Stage 2: the Python driver builds the .pte. We write its request, stream its log, and read back
// its result; the result file (never the exit code) says what happened.







const NO_BUILD_CACHES = {
    timing_cache_path: null,
    engine_cache_dir: null,
    engine_cache_max_bytes: null,
};
function buildRequest(settings, outputDir, caches = NO_BUILD_CACHES, baseBuild = null) {
    return {
        protocol: PROTOCOL_VERSION,
        model: settings.model,
        workspace: settings.workspace,
        target: settings.target,
        output_dir: outputDir,
        output_name: settings.modelName,
        inputs: [...settings.inputs],
        input_positions: settings.inputs.length === settings.inputPositions.length ? [...settings.inputPositions] : undefined,
        compile: compileRequest(settings.compile),
        tolerance: settings.tolerance,
        caches,
        runner: settings.runner,
        benchmark_seconds: settings.benchmarkSeconds,
        fail_on_nondeterminism: settings.failOnNondeterminism,
        base_build: baseBuild,
    };
}
/** The request's `compile` object: snake_case keys, only the settings the user set. */
function compileRequest(compile) {
    const wire = {
        precision: compile.precision,
        min_block_size: compile.minBlockSize,
        torch_executed_ops: compile.torchExecutedOps.length > 0 ? [...compile.torchExecutedOps] : undefined,
        require_full_compilation: compile.requireFullCompilation,
        optimization_level: compile.optimizationLevel,
        workspace_size: compile.workspaceSize,
        hardware_compatible: compile.hardwareCompatible,
        truncate_double: compile.truncateDouble,
        fallback_data_dependent_ops: compile.fallbackDataDependentOps,
    };
    return Object.fromEntries(Object.entries(wire).filter(([, v]) => v !== undefined));
}
/** A failed export, as the driver classified it, with the rest of what its result file says. */
class ExportFailure extends TrtPteError {
    result;
    constructor(kind, message, hint, location, result) {
        super(kind, message, hint, location);
        this.result = result;
        this.name = "ExportFailure";
    }
}
function errorFromResult(result) {
    const e = result.error;
    if (e === undefined)
        return new TrtPteError("internal", "the driver reported an error without details");
    const location = e.location === null ? undefined : { file: e.location.file, line: e.location.line ?? undefined };
    return new ExportFailure(e.kind, e.message, e.hint ?? undefined, location, result);
}
/**
 * Runs the driver so that it writes into `stagingDir` (empty, created here). The caller moves the
 * files into place only after they are verified. `fold` takes the driver's lines the log should not
 * show (true: taken).
 */
async function runExport(settings, stagingDir, log, caches = NO_BUILD_CACHES, baseBuild = null, fold = () => false) {
    await promises_default().mkdir(stagingDir, { recursive: true });
    // The request and result live in a private folder of this run (mkdtemp: mode 0700), outside
    // RUNNER_TEMP, where the runner keeps its command files.
    const scratch = await promises_default().mkdtemp(external_node_path_default().join(privateTempRoot(process.env), "trt-pte-"));
    try {
        const requestPath = external_node_path_default().join(scratch, "request.json");
        const resultPath = external_node_path_default().join(scratch, "result.json");
        await promises_default().writeFile(requestPath, JSON.stringify(buildRequest(settings, stagingDir, caches, baseBuild), null, 2));
        const withheld = withheldCredentials(process.env, settings.envPassthrough);
        if (withheld.length > 0) {
            log.info(`the model's process does not get ${withheld.join(", ")}: a credential passes only by its exact name in env-passthrough (docs/security.md)`);
        }
        const run = await log.verbatim(() => runDriver(settings.python, ["export", "--request", requestPath, "--result", resultPath], {
            cwd: settings.workspace,
            // Third-party noise goes to the run's log file only (src/util/noise.ts); the rest is shown live.
            onLine: (line) => {
                if (!fold(line))
                    log.info(line);
            },
            passthrough: settings.envPassthrough,
        }));
        // Untrusted until checked: the model's code ran in the process that wrote it.
        const result = await readResultFile(resultPath);
        if (result === null) {
            const how = run.signal !== null ? `was killed by ${run.signal}` : `exited with code ${run.exitCode}`;
            const oom = run.signal === "SIGKILL";
            throw new TrtPteError(oom ? "out_of_memory" : "internal", `the export driver ${how} without writing a result. Last output:\n${run.tail.slice(-15).join("\n")}`, oom
                ? "the runner probably ran out of memory: use smaller shapes or a bigger runner"
                : "see the log above");
        }
        if (result.status !== "ok")
            throw errorFromResult(result);
        if (result.target !== undefined && result.target !== settings.target) {
            throw new TrtPteError("verification", `the export process reported target ${result.target}, but this run asked for ${settings.target}`, "nothing was published; the model's code may have rewritten the result file");
        }
        return result;
    }
    finally {
        await promises_default().rm(scratch, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(4006);
var picomatch_default = /*#__PURE__*/__nccwpck_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/cache/hash-files.ts
// The content hash of the files that determine the model: the `hash-files` globs (their default is in
// src/settings/inputs.ts), walked once with the usual heavy folders pruned, each file
// streamed through sha256 so memory stays flat for GB-size weights.




/** Folders that never hold the model's own files; walking them would cost seconds for nothing. */
const PRUNED = new Set([
    ".git",
    "node_modules",
    ".venv",
    "venv",
    "__pycache__",
    ".tox",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".trt-pte",
]);
async function* walk(root, dir, skip) {
    let entries;
    try {
        entries = await promises_default().readdir(dir, { withFileTypes: true });
    }
    catch {
        return;
    }
    // A virtual environment under any name is the user's stack, not their model.
    if (dir !== root && entries.some((e) => e.name === "pyvenv.cfg"))
        return;
    for (const entry of entries) {
        const full = external_node_path_default().join(dir, entry.name);
        if (entry.isDirectory()) {
            if (!PRUNED.has(entry.name) && !skip.has(full))
                yield* walk(root, full, skip);
        }
        else if (entry.isFile()) {
            yield external_node_path_default().relative(root, full).split((external_node_path_default()).sep).join("/");
        }
    }
}
/** Files under `workspace` matched by the patterns (`!pattern` excludes), sorted. */
async function matchFiles(workspace, patterns, skipDirs = []) {
    const include = patterns.filter((p) => !p.startsWith("!"));
    const exclude = patterns.filter((p) => p.startsWith("!")).map((p) => p.slice(1));
    const isIncluded = picomatch_default()(include, { dot: true });
    const isExcluded = exclude.length > 0 ? picomatch_default()(exclude, { dot: true }) : () => false;
    const matched = [];
    for await (const rel of walk(workspace, workspace, new Set(skipDirs.map((d) => external_node_path_default().resolve(workspace, d))))) {
        if (isIncluded(rel) && !isExcluded(rel))
            matched.push(rel);
    }
    return matched.sort();
}
/** Hashes the matched files, a few at a time: one file's read overlaps another's hashing. */
async function hashFiles(workspace, patterns, skipDirs = [], concurrency = 4) {
    const files = await matchFiles(workspace, patterns, skipDirs);
    const digests = new Array(files.length);
    let bytes = 0;
    let next = 0;
    async function worker() {
        for (let i = next++; i < files.length; i = next++) {
            const { hex, bytes: n } = await hashFile(external_node_path_default().join(workspace, files[i]));
            digests[i] = hex;
            bytes += n;
        }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
    const digest = manifestDigest(files.map((f, i) => [f, digests[i]]));
    return { digest, files: files.length, bytes, paths: files };
}

;// CONCATENATED MODULE: ./src/cache/key-inputs.ts
// The key's inputs that live outside the workspace's `hash-files`, and the check that they are
// enough: the model file wherever it is, every installed distribution's version, the sources of
// editable installs; after a fresh export, the source files the model imported that none of these
// (nor `hash-files`) covers are named in a warning, so a stale hit cannot come from them silently.




/** Installers: they put packages in place but never run in an export, and update on their own. */
const INSTALLER_DISTRIBUTIONS = new Set(["pip", "setuptools", "wheel"]);
/** What an editable install's key input hashes: its Python sources. */
const EDITABLE_PATTERNS = ["**/*.py"];
/** The model file of a `path/to/file.py:factory` spec, absolute; null for `package.module:factory`. */
function modelFile(settings) {
    const where = settings.model.slice(0, settings.model.lastIndexOf(":"));
    // The driver's rule (src/python/trt_pte/loader.py _is_file_spec), relative to the workspace.
    const isFile = where.endsWith(".py") || where.includes("/") || where.includes((external_node_path_default()).sep);
    return isFile ? external_node_path_default().resolve(settings.workspace, where) : null;
}
async function modelFileDigest(file) {
    if (file === null)
        return null;
    try {
        return await sha256File(file);
    }
    catch {
        return null; // not there: the export fails and says so; nothing is cached
    }
}
/** Every distribution's version except the installers'. */
function keyDistributions(distributions) {
    return Object.fromEntries(Object.entries(distributions).filter(([n]) => !INSTALLER_DISTRIBUTIONS.has(n)));
}
/** The digest of each editable install's Python sources (null where its folder is gone). */
async function editableDigests(editable, skipDirs) {
    const digests = {};
    for (const { name, path: root } of editable) {
        const hashed = await hashFiles(root, EDITABLE_PATTERNS, skipDirs);
        digests[name] = hashed.files === 0 ? null : hashed.digest;
    }
    return digests;
}
function real(p) {
    try {
        return (0,external_node_fs_namespaceObject.realpathSync)(p);
    }
    catch {
        return external_node_path_default().resolve(p);
    }
}
const inside = (file, root) => {
    const rel = external_node_path_default().relative(root, file);
    return rel !== "" && !rel.startsWith("..") && !external_node_path_default().isAbsolute(rel);
};
/** The imported source files (real paths, from the driver) that no key input covers. */
function uncoveredSources(sources, coverage) {
    const workspace = real(coverage.workspace);
    const model = coverage.modelFile === null ? null : real(coverage.modelFile);
    const editableRoots = coverage.editableRoots.map(real);
    return sources.filter((file) => {
        if (file === model)
            return false;
        if (file.endsWith(".py") && editableRoots.some((root) => inside(file, root)))
            return false;
        if (inside(file, workspace)) {
            const rel = external_node_path_default().relative(workspace, file).split((external_node_path_default()).sep).join("/");
            if (coverage.hashed.has(rel))
                return false;
        }
        return true;
    });
}
/** The warning for uncovered sources, naming them (a few) and the ways to cover them. */
function uncoveredWarning(files, workspace) {
    const shown = files
        .slice(0, 5)
        .map((f) => {
        const rel = external_node_path_default().relative(workspace, f);
        return rel.startsWith("..") || external_node_path_default().isAbsolute(rel) ? f : rel;
    })
        .join(", ");
    const more = files.length > 5 ? ` and ${files.length - 5} more` : "";
    return (`cache: the model imported ${files.length} source file(s) that the cache key does not cover: ${shown}${more}. ` +
        "A change to them would not rebuild the .pte. Cover them: add a pattern that matches them to `hash-files` " +
        "(files in the workspace), or install their package into the interpreter's environment " +
        "(`pip install -e <folder>` hashes its sources; a regular install keys on its version).");
}

;// CONCATENATED MODULE: ./src/gpu/gpu.ts
// What trt-pte knows about a GPU, whichever source told it (nvidia-smi, the Jetson device tree, torch).
/**
 * What nvidia-smi and NVML print for a field they cannot read: `N/A` in the table, `[N/A]` in CSV,
 * `[Not Supported]` on some boards (Jetson Orin on JetPack 6 answers most fields so). Read as unknown.
 */
const MISSING = /^\[?(?:N\/A|Not Supported|Not Available|Unknown Error|Insufficient Permissions)\]?$/i;
/** The value, or "" when it is one of the placeholders above. */
function known(value) {
    const v = (value ?? "").trim();
    return MISSING.test(v) ? "" : v;
}
/** "580.95.05" → "580"; "" stays "". */
function driverMajor(version) {
    return version.split(".")[0] ?? "";
}

;// CONCATENATED MODULE: ./src/cache/key.ts
// Cache keys. The output key hashes everything that determines the .pte and nothing else
// (publishing settings stay out), so a hit is always safe and a changed model always rebuilds.
// test/cache-key.test.ts changes each action input in turn and checks the key moves iff it should.








// 2: the entry lies at one staging path whatever output-dir is (layers.ts OUTPUT_STAGE_DIR), and the
// material covers the model file, every distribution and editable installs' sources.
const KEY_SCHEMA = 2;
const PREFIX = "trt-pte";
/** JSON with object keys sorted at every level, so equal material always hashes equal. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(",")}]`;
    if (value !== null && typeof value === "object") {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
    }
    return JSON.stringify(value);
}
const sha256 = (text) => (0,external_node_crypto_namespaceObject.createHash)("sha256").update(text).digest("hex");
/** The GPU the engines are built on (`gpus[0]`: CUDA's first, preflight.ts) as the key sees it. */
function gpuForKey(target, gpus) {
    if (!targetSpec(target).gpu)
        return null;
    const gpu = gpus[0];
    if (gpu === undefined)
        return null;
    const material = {
        name: gpu.name,
        compute_capability: gpu.computeCapability,
        driver_major: driverMajor(gpu.driverVersion),
    };
    if (gpu.l4t !== undefined)
        material.l4t = gpu.l4t;
    return material;
}
function outputKey(material) {
    const name = sanitizeName(material.request.output_name).slice(0, 80);
    return `${PREFIX}-out-v${KEY_SCHEMA}-${material.request.target}-${name}-${sha256(canonicalJson(material)).slice(0, 40)}`;
}
function gpuLabel(gpu) {
    return gpu === undefined ? "nogpu" : sanitizeName(`${gpu.name}-sm${gpu.computeCapability}`);
}
/**
 * TensorRT's timing cache is specific to the GPU and the TensorRT version. The key ends in the
 * content hash so a changed cache saves under a new key, and the prefix restores the newest.
 */
function timingCachePrefix(gpu, tensorrt) {
    return `${PREFIX}-timing-v${KEY_SCHEMA}-${gpuLabel(gpu)}-trt${tensorrt ?? "none"}-`;
}
/** Engines also depend on torch_tensorrt's version (its converters write them). */
function engineCachePrefix(gpu, tensorrt, torchTensorrt) {
    return `${PREFIX}-engine-v${KEY_SCHEMA}-${gpuLabel(gpu)}-trt${tensorrt ?? "none"}-tt${torchTensorrt ?? "none"}-`;
}
/**
 * sha256 over a folder's files (relative path + content), for "did this cache change?" and for the
 * driver's own code; `include` picks files by name. Null when the folder is missing or holds none.
 */
async function folderDigest(dir, include = () => true) {
    let entries;
    try {
        entries = await (0,promises_namespaceObject.readdir)(dir, { withFileTypes: true, recursive: true });
    }
    catch {
        return null;
    }
    const files = entries
        .filter((e) => e.isFile() && include(e.name))
        .map((e) => external_node_path_default().join(e.parentPath, e.name))
        .sort();
    if (files.length === 0)
        return null;
    const hashed = [];
    for (const file of files)
        hashed.push([external_node_path_default().relative(dir, file), await sha256File(file)]);
    return manifestDigest(hashed);
}
/**
 * sha256 of everything of the driver that runs: the trt_pte package's .py files and its data (the
 * target table, targets/table.json), and the start script beside it that puts the package first on
 * sys.path (src/python-driver.ts BOOTSTRAP).
 */
async function driverDigest(driverRoot) {
    const pkg = external_node_path_default().join(driverRoot, "trt_pte");
    const digest = await folderDigest(pkg, (name) => name.endsWith(".py") || name.endsWith(".json"));
    if (digest === null)
        throw new Error(`no Python files in ${pkg}: the action's checkout is incomplete`);
    const bootstrap = external_node_path_default().join(driverRoot, BOOTSTRAP);
    let bootstrapDigest;
    try {
        bootstrapDigest = await sha256File(bootstrap);
    }
    catch {
        throw new Error(`${bootstrap} is missing: the action's checkout is incomplete`);
    }
    return manifestDigest([
        ["trt_pte", digest],
        [BOOTSTRAP, bootstrapDigest],
    ]);
}

;// CONCATENATED MODULE: ./src/util/files.ts


/** Total bytes of the regular files below `dir` (0 when it does not exist). */
async function folderBytes(dir) {
    let entries;
    try {
        entries = await promises_default().readdir(dir, { withFileTypes: true, recursive: true });
    }
    catch {
        return 0;
    }
    let total = 0;
    for (const entry of entries) {
        if (entry.isFile())
            total += (await promises_default().stat(external_node_path_default().join(entry.parentPath, entry.name))).size;
    }
    return total;
}
/** What a folder trt-pte makes for its own output holds, so none of it shows in `git status`. */
const OWN_FOLDER_GITIGNORE = "# Made by trt-pte for its own output: nothing in here belongs in the repository.\n*\n";
/**
 * Makes `dir` (and its parents) when it is not there yet, with a `.gitignore` that ignores all of
 * it; a folder that already exists is the user's and is left as it is. Returns whether it made it.
 */
async function makeOwnFolder(dir) {
    try {
        await promises_default().mkdir(dir);
    }
    catch (error) {
        const code = error.code;
        if (code === "EEXIST")
            return false;
        if (code !== "ENOENT")
            throw error;
        await promises_default().mkdir(external_node_path_default().dirname(dir), { recursive: true });
        return makeOwnFolder(dir);
    }
    await promises_default().writeFile(external_node_path_default().join(dir, ".gitignore"), OWN_FOLDER_GITIGNORE);
    return true;
}

;// CONCATENATED MODULE: ./src/cache/layers.ts
// The three cache layers around an export:
//   output  — the finished .pte/.ptd/report, keyed by everything that determines them; a hit skips
//             the export entirely (no Python export process starts);
//   timing  — TensorRT's timing cache, keyed by GPU and TensorRT version, restored by prefix;
//   engine  — Torch-TensorRT's engine cache (opt-in), keyed like timing plus torch_tensorrt.
// A cache problem is a warning and a "error" line in the summary, never a failed run.










/** Where TensorRT's caches live during a run, relative to the workspace (a stable path keeps cache versions stable). */
const TIMING_CACHE_DIR = external_node_path_default().join(".trt-pte", "cache", "timing");
const TIMING_CACHE_FILE = "timing_cache.bin";
const ENGINE_CACHE_DIR = external_node_path_default().join(".trt-pte", "cache", "engine");
/**
 * Where the output layer's entry is saved from and restored to, relative to the workspace. One
 * path whatever `output-dir` is: GitHub's cache client hashes the paths into an entry's version, and
 * the folder store files entries by path, so an entry saved from one output folder restores into
 * another. The files move between it and the output folder (links and renames, copies only across
 * file systems).
 */
const OUTPUT_STAGE_DIR = external_node_path_default().join(".trt-pte", "cache", "output");
/** A path as the store sees it: relative to the workspace where possible. */
function storePath(settings, absolute) {
    const rel = external_node_path_default().relative(settings.workspace, absolute);
    return rel.startsWith("..") || external_node_path_default().isAbsolute(rel) ? absolute : rel;
}
async function guarded(log, what, fn) {
    try {
        return await fn();
    }
    catch (e) {
        const message = errorMessage(e);
        log.warning(`cache: ${what} failed, continuing without it: ${message}`);
        return e instanceof Error ? e : new Error(message);
    }
}
async function computeOutputKey(settings, pre, driver) {
    // The output folder holds earlier builds (.pte and friends): never let them feed the key.
    const outputRoot = external_node_path_default().dirname(settings.outputDir);
    const files = await hashFiles(settings.workspace, settings.cache.hashFiles, [outputRoot]);
    // What only measures or publishes stays out: the tolerance judges, the base build is timed beside;
    // where the specs sit in the text only points messages at them.
    const { output_dir: _o, workspace: _w, tolerance: _t, caches: _c, base_build: _b, input_positions: _p, ...request } = buildRequest(settings, "");
    const versions = { python: pre.python.version };
    for (const name of STACK_PACKAGES)
        versions[name] = pre.packages[name] ?? null;
    const model = modelFile(settings);
    const material = {
        schema: KEY_SCHEMA,
        driver,
        request,
        versions,
        distributions: keyDistributions(pre.distributions),
        editable: await editableDigests(pre.editable, [outputRoot]),
        model_file: await modelFileDigest(model),
        gpu: gpuForKey(settings.target, pre.gpus),
        files: files.digest,
        engine_cache: targetSpec(settings.target).build_caches && settings.cache.engineCache,
    };
    const coverage = {
        workspace: settings.workspace,
        hashed: new Set(files.paths),
        modelFile: model,
        editableRoots: pre.editable.map((e) => e.path),
    };
    return { key: outputKey(material), material, files, coverage };
}
/** Moves a folder, copying only where a rename cannot (another file system). */
async function moveFolder(from, to) {
    await promises_default().rm(to, { recursive: true, force: true });
    await promises_default().mkdir(external_node_path_default().dirname(to), { recursive: true });
    try {
        await promises_default().rename(from, to);
    }
    catch (e) {
        if (e.code !== "EXDEV")
            throw e;
        await promises_default().cp(from, to, { recursive: true, preserveTimestamps: true });
        await promises_default().rm(from, { recursive: true, force: true });
    }
}
/** A copy of `from` at `to` made of hard links (no bytes copied), or of copies where links fail. */
async function linkFolder(from, to) {
    await promises_default().rm(to, { recursive: true, force: true });
    for (const entry of await promises_default().readdir(from, { withFileTypes: true, recursive: true })) {
        const source = external_node_path_default().join(entry.parentPath, entry.name);
        const target = external_node_path_default().join(to, external_node_path_default().relative(from, source));
        if (entry.isDirectory()) {
            await promises_default().mkdir(target, { recursive: true });
        }
        else if (entry.isFile()) {
            await promises_default().mkdir(external_node_path_default().dirname(target), { recursive: true });
            await promises_default().link(source, target).catch(() => promises_default().copyFile(source, target));
        }
    }
}
/**
 * Restores the output entry `key` (exact match only, under the store's scope rules) into `dest`,
 * replacing it; false when there is no such entry. Throws on a store failure.
 */
async function restoreOutputEntry(store, workspace, key, dest) {
    const stage = external_node_path_default().join(workspace, OUTPUT_STAGE_DIR);
    await promises_default().rm(dest, { recursive: true, force: true });
    await promises_default().rm(stage, { recursive: true, force: true });
    try {
        const found = await store.restore([OUTPUT_STAGE_DIR], key);
        if (found === undefined)
            return false;
        await moveFolder(stage, dest);
        return true;
    }
    finally {
        await promises_default().rm(stage, { recursive: true, force: true });
    }
}
/**
 * Restores the output folder for `key` (exact match only) into `into`, the run's staging folder: the
 * output folder itself changes only once the entry is verified (src/output-folder.ts).
 */
async function restoreOutput(store, settings, key, log, into) {
    const matched = await guarded(log, "restoring the output", () => restoreOutputEntry(store, settings.workspace, key, into).then((hit) => (hit ? key : undefined)));
    if (matched instanceof Error)
        return { layer: "output", state: "error", key, detail: matched.message };
    if (matched === undefined)
        return { layer: "output", state: "miss", key };
    return { layer: "output", state: "hit", key };
}
/** A layer's detail when this job's event may not save (src/cache/scope.ts). */
const NOT_SAVED = "not saved: this event's jobs restore only";
const LAYER_WORDS = {
    output: "the .pte",
    timing: "TensorRT's timing cache",
    engine: "the engine cache",
};
/**
 * Turns a store's answer into the layer's status; a refusal is worth a warning (next run rebuilds).
 * A job that may not save (its reason is in the log once) keeps the state its restore had.
 */
function savedStatus(layer, key, saved, log, restored) {
    if (saved instanceof Error)
        return { layer, state: "error", key, detail: saved.message };
    if (saved === "skipped")
        return { layer, state: restored, key, detail: NOT_SAVED };
    if (saved === "refused") {
        log.warning(`cache: ${LAYER_WORDS[layer]} was not saved: the cache store declined it (quota, size, or another job saving the same key); the next run builds it again`);
        return { layer, state: "error", key, detail: "the store declined to save it" };
    }
    return saved === "saved"
        ? { layer, state: "saved", key }
        : { layer, state: "unchanged", key, detail: "already saved by another job" };
}
async function saveOutput(store, settings, key, log) {
    const stage = external_node_path_default().join(settings.workspace, OUTPUT_STAGE_DIR);
    const saved = await guarded(log, "saving the output", async () => {
        try {
            await linkFolder(settings.outputDir, stage);
            return await store.save([OUTPUT_STAGE_DIR], key);
        }
        finally {
            await promises_default().rm(stage, { recursive: true, force: true });
        }
    });
    return savedStatus("output", key, saved, log, "miss");
}
/** The build caches (target tensorrt): restored before the export, saved after it when changed. */
class BuildCacheLayers {
    store;
    settings;
    pre;
    log;
    digests = new Map();
    statuses = [];
    constructor(store, settings, pre, log) {
        this.store = store;
        this.settings = settings;
        this.pre = pre;
        this.log = log;
    }
    layers() {
        const gpu = this.pre.gpus[0];
        const trt = this.pre.packages.tensorrt ?? null;
        const layers = [
            {
                layer: "timing",
                dir: external_node_path_default().join(this.settings.workspace, TIMING_CACHE_DIR),
                prefix: timingCachePrefix(gpu, trt),
            },
        ];
        if (this.settings.cache.engineCache) {
            layers.push({
                layer: "engine",
                dir: external_node_path_default().join(this.settings.workspace, ENGINE_CACHE_DIR),
                prefix: engineCachePrefix(gpu, trt, this.pre.packages.torch_tensorrt ?? null),
                maxBytes: this.settings.cache.engineCacheMaxBytes,
            });
        }
        return layers;
    }
    /** Where the driver finds and writes the caches for this run. */
    paths() {
        const engine = this.settings.cache.engineCache;
        return {
            timing_cache_path: external_node_path_default().join(this.settings.workspace, TIMING_CACHE_DIR, TIMING_CACHE_FILE),
            engine_cache_dir: engine ? external_node_path_default().join(this.settings.workspace, ENGINE_CACHE_DIR) : null,
            engine_cache_max_bytes: engine ? this.settings.cache.engineCacheMaxBytes : null,
        };
    }
    async restore() {
        for (const { layer, dir, prefix } of this.layers()) {
            await promises_default().rm(dir, { recursive: true, force: true });
            await promises_default().mkdir(dir, { recursive: true });
            const rel = storePath(this.settings, dir);
            // The primary key never matches exactly (saved keys end in a content hash): the prefix
            // restores the newest entry for this GPU and TensorRT version.
            const matched = await guarded(this.log, `restoring the ${layer} cache`, () => this.store.restore([rel], prefix, [prefix]));
            if (matched instanceof Error) {
                this.statuses.push({ layer, state: "error", key: prefix, detail: matched.message });
            }
            else {
                this.statuses.push(matched === undefined
                    ? { layer, state: "miss", key: prefix }
                    : { layer, state: "hit", key: prefix, matchedKey: matched });
            }
            this.digests.set(layer, await folderDigest(dir));
        }
    }
    async save() {
        for (const { layer, dir, prefix, maxBytes } of this.layers()) {
            const status = this.statuses.find((s) => s.layer === layer);
            const digest = await folderDigest(dir);
            if (digest === null || digest === this.digests.get(layer)) {
                if (status && status.state !== "error")
                    status.detail = digest === null ? "nothing written" : "unchanged";
                continue;
            }
            const bytes = await folderBytes(dir);
            if (maxBytes !== undefined && bytes > maxBytes) {
                this.log.warning(`cache: not saving the ${layer} cache: ${formatBytes(bytes)} is over its ${formatBytes(maxBytes)} bound`);
                if (status)
                    status.detail = `over the ${formatBytes(maxBytes)} bound, not saved`;
                continue;
            }
            const key = `${prefix}${digest.slice(0, 16)}`;
            const saved = await guarded(this.log, `saving the ${layer} cache`, () => this.store.save([storePath(this.settings, dir)], key));
            const entry = savedStatus(layer, key, saved, this.log, status?.state ?? "miss");
            const at = this.statuses.findIndex((s) => s.layer === layer);
            if (at >= 0)
                this.statuses[at] = { ...entry, matchedKey: this.statuses[at]?.matchedKey };
            else
                this.statuses.push(entry);
        }
    }
}

;// CONCATENATED MODULE: ./src/github/run-links.ts
// Links into a workflow run's pages, built from the run's IDs (never read from a file). The action's
// report and artifact-url output, and the reusable workflow's comment, all link through here.
/** The links of the run in `env` (the runner's GITHUB_* variables), or of another run by its ID. */
function runLinks(env, runId = env.GITHUB_RUN_ID ?? "") {
    return {
        server: env.GITHUB_SERVER_URL ?? "https://github.com",
        repository: env.GITHUB_REPOSITORY ?? "",
        runId,
    };
}
function run_links_runUrl(links) {
    return `${links.server}/${links.repository}/actions/runs/${links.runId}`;
}
/** The artifact's page for signed-in users (the action's `artifact-url` output). */
function artifactUrl(links, id) {
    return `${run_links_runUrl(links)}/artifacts/${id}`;
}
function jobUrl(links, checkRunId) {
    return `${run_links_runUrl(links)}/job/${checkRunId}`;
}

;// CONCATENATED MODULE: ./src/report/report.ts
// report.json: everything a person or a later job needs to know about one export, in one stable
// document. The summary, the PR comment and `trt-pte inspect` all render from it.


/** The report written beside the .pte and uploaded with it. */
const REPORT_FILE = "report.json";
// @2: execution, determinism, benchmark and memory (what ran the .pte and how fast), and the
// comparison with the branch's baseline (baseline, diff, gates, comparison).
// @3: latency as paired rounds with 95% intervals (benchmark: speedup_ci, noisy, median_ci, the
// compiled module and the base build timed beside), the change's interval and how it was measured
// (diff.latency[].built_change), the gate state `unclear`, the date, and the branch's history.
const REPORT_SCHEMA = "trt-pte/report@3";
const NOT_COMPARED = { state: "off", base_ref: null, note: null, saved: null };
const NO_CACHE = {
    enabled: false,
    store: null,
    hit: false,
    key: null,
    from_run: null,
    hashed_files: null,
    layers: [],
};
function runInfo(env) {
    if (!env.GITHUB_RUN_ID)
        return null;
    return {
        url: run_links_runUrl(runLinks(env)),
        repository: env.GITHUB_REPOSITORY ?? "",
        run_id: env.GITHUB_RUN_ID,
        run_attempt: env.GITHUB_RUN_ATTEMPT ?? "1",
        sha: env.GITHUB_SHA ?? "",
        ref: env.GITHUB_REF ?? "",
    };
}
const DIGITS = /^[0-9]{1,20}$/;
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const REF = /^refs\/[A-Za-z0-9._/-]{1,200}$/;
/**
 * The run that built a cache entry, from the entry's report. Only its numbers are taken (and a sha
 * and ref that look like one); the link is rebuilt from this job's server and repository, which a
 * scoped store guarantees is the repository that built it. Null when the entry names no valid run.
 */
function runOfEntry(entry, env) {
    if (typeof entry !== "object" || entry === null)
        return null;
    const { run_id, run_attempt, sha, ref } = entry;
    if (typeof run_id !== "string" || !DIGITS.test(run_id))
        return null;
    return {
        url: run_links_runUrl(runLinks(env, run_id)),
        repository: env.GITHUB_REPOSITORY ?? "",
        run_id,
        run_attempt: typeof run_attempt === "string" && DIGITS.test(run_attempt) ? run_attempt : "1",
        sha: typeof sha === "string" && SHA.test(sha) ? sha : "",
        ref: typeof ref === "string" && REF.test(ref) ? ref : "",
    };
}
/**
 * A report of this run: the model, names, files and run come from this run's settings, verified
 * files and environment, whatever built the .pte. The stages, cache layers and comparison are the
 * pipeline's to add (src/compare/ compares for itself).
 */
function assemble(settings, build, files, env) {
    return {
        schema: REPORT_SCHEMA,
        model: settings.model,
        model_name: settings.modelName,
        target: settings.target,
        artifact_name: settings.artifactName,
        pte: files.pte,
        ptd: files.ptd,
        inputs: build.inputs,
        outputs: build.outputs,
        partition: build.partition,
        accuracy: build.accuracy,
        execution: build.execution,
        determinism: build.determinism,
        benchmark: build.benchmark,
        memory: build.memory,
        versions: build.versions,
        gpu: build.gpu,
        gpu_name: gpuKind(settings, build.gpu?.name),
        timings: build.timings,
        details: build.details,
        run: runInfo(env),
        cache: NO_CACHE,
        inspection: files.inspection,
        comparison: NOT_COMPARED,
        baseline: null,
        diff: null,
        gates: [],
        date: new Date().toISOString(),
        history: [],
    };
}
/**
 * The report of a cache hit: what describes this run (model, names, the run and its links) comes
 * from this run's settings and environment; what describes the build (partition, accuracy,
 * versions, GPU, what ran it) comes from the entry, read as this release's schema (currentReport).
 * The entry's comparison was its builder's; this run compares for itself.
 */
function reportFromEntry(settings, entry, files, env) {
    return assemble(settings, currentReport(entry), files, env);
}
function buildReport(settings, pre, result, files, env) {
    // The driver's own steps; the pipeline adds its stages once the run is over.
    const timings = {};
    for (const [step, seconds] of Object.entries(result.timings ?? {}))
        timings[`export.${step}`] = seconds;
    const gpu = pre.gpus[0];
    const build = {
        inputs: result.inputs ?? [...settings.inputs],
        outputs: result.outputs ?? [],
        partition: result.partition ?? {},
        accuracy: result.accuracy ?? null,
        execution: result.execution ?? null,
        determinism: result.determinism ?? null,
        benchmark: result.benchmark ?? null,
        memory: result.memory ?? null,
        // The packages as preflight read them, before any model code ran; the export process adds
        // only what it alone knows (the CUDA and driver versions torch reports).
        versions: { ...result.versions, ...pre.packages, python: pre.python.version },
        gpu: gpu === undefined
            ? null
            : {
                name: gpu.name,
                compute_capability: gpu.computeCapability,
                driver_version: gpu.driverVersion,
                ...(gpu.l4t === undefined ? {} : { l4t: gpu.l4t }),
            },
        timings,
        details: result.details ?? {},
    };
    return assemble(settings, build, files, env);
}
/**
 * A cached report as this release writes it: an entry saved before schema @2 has no execution,
 * determinism, benchmark or memory, which read as "not recorded" (null), never as measured now;
 * one before @3 has a benchmark without intervals, which the renderers say (no interval).
 */
function currentReport(cached) {
    return {
        ...cached,
        schema: REPORT_SCHEMA,
        outputs: cached.outputs ?? [],
        execution: cached.execution ?? null,
        determinism: cached.determinism ?? null,
        benchmark: cached.benchmark ?? null,
        memory: cached.memory ?? null,
    };
}

;// CONCATENATED MODULE: ./src/compare/baseline.ts
// A branch's baseline: the report of its newest push build, kept as a small entry (report.json only,
// never the large files) in the store the caches use. Keys are
//   trt-pte-baseline-<artifact key>-<branch>:<run id>-<attempt>
// saved once per push run and restored by the prefix up to `:`, which both stores answer with the
// newest entry. Git refuses `:` in branch names, so `main:` never matches a branch `main-x`.
// A pull request reads its base branch's baseline: GitHub's cache service lets a pull request's run
// restore its base branch's entries (forks included) and never write them; cache-dir's scopes do
// the same (src/platform/dir-store.ts). A branch's baselines are read only from its own scope where
// the store lets trt-pte choose (src/compare/refs.ts); who saved what comparison reads is told by
// that scope and the key, never by the report inside the entry.





/** Where the entry's one file lives while it is saved or restored, relative to the workspace. */
const BASELINE_DIR = external_node_path_default().join(".trt-pte", "baseline");
/** The artifact key (model, target, GPU) as a readable name and a short hash of the exact values. */
function artifactKey(settings, gpu) {
    const gpuName = settings.gpuName !== "" ? settings.gpuName : (gpu ?? "").replace(/^NVIDIA\s+/i, "");
    // A trt-pte.yml may build one factory twice under two names (other inputs, say): the name then
    // tells the two apart. A name derived from the spec adds nothing, and keys stay as they were.
    const named = settings.modelName !== modelName(settings.model);
    const exact = JSON.stringify([
        settings.model,
        settings.target,
        gpuName,
        ...(named ? [settings.modelName] : []),
    ]);
    const digest = (0,external_node_crypto_namespaceObject.createHash)("sha256").update(exact).digest("hex").slice(0, 12);
    return `${sanitizeName([settings.modelName, settings.target, gpuName].filter((p) => p !== "").join("-"))}-${digest}`;
}
/** Commas separate restore keys on the wire; a branch may hold one. */
function keyBranch(branch) {
    return branch.replace(/%/g, "%25").replace(/,/g, "%2C");
}
function baselinePrefix(artifact, branch) {
    return `trt-pte-baseline-${artifact}-${keyBranch(branch)}:`;
}
function baselineKey(artifact, branch, runId, attempt) {
    return `${baselinePrefix(artifact, branch)}${runId}-${attempt}`;
}
/** The run id of a baseline key (`...:<run id>-<attempt>`), or null when the key has none. */
function baselineRunId(key) {
    return /:([0-9]{1,20})-[0-9]{1,10}$/.exec(key)?.[1] ?? null;
}
class BaselineStore {
    store;
    workspace;
    relative;
    constructor(store, workspace, artifact) {
        this.store = store;
        this.workspace = workspace;
        this.relative = external_node_path_default().join(BASELINE_DIR, artifact);
    }
    get name() {
        return this.store.name;
    }
    get scoping() {
        return this.store.scoping;
    }
    get absolute() {
        return external_node_path_default().resolve(this.workspace, this.relative);
    }
    /** The newest baseline saved for `branch`, or null when there is none. Throws on a store or JSON failure. */
    async restore(artifact, branch) {
        await promises_default().rm(this.absolute, { recursive: true, force: true });
        try {
            const prefix = baselinePrefix(artifact, branch);
            // The exact key can never match (it holds a run id); the prefix finds the newest.
            const key = await this.store.restore([this.relative], prefix, [prefix]);
            if (key === undefined)
                return null;
            const text = await promises_default().readFile(external_node_path_default().join(this.absolute, REPORT_FILE), "utf8");
            return { key, report: JSON.parse(text) };
        }
        finally {
            await promises_default().rm(this.absolute, { recursive: true, force: true });
        }
    }
    async save(key, reportFile) {
        await promises_default().rm(this.absolute, { recursive: true, force: true });
        await promises_default().mkdir(this.absolute, { recursive: true });
        try {
            await promises_default().copyFile(reportFile, external_node_path_default().join(this.absolute, REPORT_FILE));
            return await this.store.save([this.relative], key);
        }
        finally {
            await promises_default().rm(this.absolute, { recursive: true, force: true });
        }
    }
}

;// CONCATENATED MODULE: ./src/gpu/nvidia-smi.ts
// The GPUs as nvidia-smi lists them, in its order (PCI bus order, which is its `index`).



const execFileAsync = (0,external_node_util_namespaceObject.promisify)(external_node_child_process_namespaceObject.execFile);
const QUERY = ["index", "uuid", "name", "compute_cap", "driver_version"];
/**
 * Parses `nvidia-smi --query-gpu=index,uuid,name,compute_cap,driver_version --format=csv,noheader`.
 * The name is read as everything between the UUID and the last two fields, so a name with a comma
 * still parses; `N/A`-style placeholders read as unknown (empty).
 */
function parseNvidiaSmi(stdout) {
    const gpus = [];
    for (const line of stdout.split("\n")) {
        const fields = line.split(",").map((f) => f.trim());
        if (fields.length < QUERY.length)
            continue;
        const [index = "", uuid = ""] = fields;
        const driverVersion = fields[fields.length - 1];
        const computeCapability = fields[fields.length - 2];
        const name = fields.slice(2, -2).join(", ");
        const gpu = {
            name: known(name),
            computeCapability: known(computeCapability),
            driverVersion: known(driverVersion),
            source: "nvidia-smi",
        };
        if (/^\d+$/.test(index))
            gpu.index = Number(index);
        if (known(uuid) !== "")
            gpu.uuid = known(uuid);
        gpus.push(gpu);
    }
    return gpus;
}
/** Runs nvidia-smi (a path or a name on PATH); never throws: a missing one is an answer too. */
async function queryNvidiaSmi(nvidiaSmi = "nvidia-smi") {
    try {
        const { stdout } = await execFileAsync(nvidiaSmi, [`--query-gpu=${QUERY.join(",")}`, "--format=csv,noheader"], {
            timeout: 20_000,
        });
        const gpus = parseNvidiaSmi(stdout);
        return { gpus, problem: gpus.length === 0 ? "nvidia-smi listed no GPU" : null };
    }
    catch (error) {
        const e = error;
        if (e.code === "ENOENT")
            return { gpus: [], problem: "nvidia-smi is not on PATH" };
        if (e.killed === true)
            return { gpus: [], problem: "nvidia-smi did not answer within 20 s" };
        // "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver", an unknown
        // field on an old driver, ...: its own first line says which.
        const said = `${e.stdout ?? ""}\n${e.stderr ?? ""}`
            .split("\n")
            .map((l) => l.trim())
            .find((l) => l !== "");
        return { gpus: [], problem: `nvidia-smi failed${said === undefined ? "" : `: ${said.slice(0, 200)}`}` };
    }
}

;// CONCATENATED MODULE: ./src/gpu/jetson.ts
// A Jetson's GPU from the files every L4T image has: the device tree says which SoC (and so which
// GPU) the board carries, /etc/nv_tegra_release which L4T release (driver, CUDA, TensorRT) it runs.
// nvidia-smi is missing on JetPack 5, answers `N/A` for most fields on Orin with JetPack 6, and
// lacks some on Thor; these files are there on every one of them.


/**
 * The integrated GPU of each Tegra SoC by its device-tree `compatible` entry. Thor's compute
 * capability is 11.0 from CUDA 13 on (10.1 before); trt-pte's stacks are CUDA 13.
 */
const SOCS = {
    "nvidia,tegra264": { family: "Thor", computeCapability: "11.0" },
    "nvidia,tegra234": { family: "Orin", computeCapability: "8.7" },
    "nvidia,tegra194": { family: "Xavier", computeCapability: "7.2" },
    "nvidia,tegra186": { family: "TX2", computeCapability: "6.2" },
    "nvidia,tegra210": { family: "TX1/Nano", computeCapability: "5.3" },
};
/** The device tree is under /proc (a link to sysfs) on the host and in most containers. */
const DEVICE_TREE_DIRS = ["proc/device-tree", "sys/firmware/devicetree/base"];
const RELEASE_FILE = "etc/nv_tegra_release";
async function readText(file) {
    try {
        return await promises_default().readFile(file, "utf8");
    }
    catch {
        return null;
    }
}
/** Device-tree strings are NUL-terminated, and `compatible` is a NUL-separated list. */
function deviceTreeStrings(raw) {
    return raw
        .split("\0")
        .map((s) => s.trim())
        .filter((s) => s !== "");
}
/** `# R36 (release), REVISION: 4.3, GCID: …` → `R36.4.3`; null for anything else. */
function parseTegraRelease(text) {
    const m = /^#\s*R(\d+)\s*\(release\),\s*REVISION:\s*(\d+(?:\.\d+)*)/m.exec(text);
    return m === null ? null : `R${m[1]}.${m[2]}`;
}
/**
 * The Jetson's GPU, read from the files under `root` (`/` on a real board; a folder laid out like
 * one in tests). A board whose SoC is not in the table above is not taken for a Jetson.
 */
async function readJetson(root = "/") {
    let compatible = [];
    let model = null;
    for (const dir of DEVICE_TREE_DIRS) {
        const raw = await readText(external_node_path_default().join(root, dir, "compatible"));
        if (raw === null)
            continue;
        compatible = deviceTreeStrings(raw);
        const rawModel = await readText(external_node_path_default().join(root, dir, "model"));
        model = rawModel === null ? null : (deviceTreeStrings(rawModel)[0] ?? null);
        break;
    }
    if (compatible.length === 0)
        return { gpu: null, problem: "no Jetson device tree" };
    const soc = compatible.map((c) => SOCS[c]).find((s) => s !== undefined);
    if (soc === undefined) {
        return { gpu: null, problem: `the device tree names no Tegra SoC with a GPU (${compatible.join(", ")})` };
    }
    const release = await readText(external_node_path_default().join(root, RELEASE_FILE));
    const l4t = release === null ? null : parseTegraRelease(release);
    const gpu = {
        name: model ?? `NVIDIA Jetson ${soc.family}`,
        computeCapability: soc.computeCapability,
        driverVersion: "",
        source: "device-tree",
    };
    if (l4t !== null)
        gpu.l4t = l4t;
    return { gpu, problem: null };
}

;// CONCATENATED MODULE: ./src/gpu/visible.ts
// Which of nvidia-smi's GPUs the export process sees, in CUDA's order: its first one is `cuda:0`,
// where Torch-TensorRT builds the engines. CUDA_VISIBLE_DEVICES picks and orders them (by index or
// by UUID, stopping at the first entry CUDA cannot use); an index counts in CUDA_DEVICE_ORDER, which
// is fastest-first unless it is PCI_BUS_ID, nvidia-smi's own order.
const kind = (g) => `${g.name}\0${g.computeCapability}`;
function visibleGpus(all, env) {
    const pciOrder = env.CUDA_DEVICE_ORDER === "PCI_BUS_ID";
    const mixed = new Set(all.map(kind)).size > 1;
    const raw = env.CUDA_VISIBLE_DEVICES;
    if (raw === undefined)
        return { gpus: [...all], orderUnknown: mixed && !pciOrder, problem: null };
    const picked = [];
    let byIndex = false;
    let mig = false;
    for (const entry of raw.split(",").map((e) => e.trim())) {
        let gpu;
        if (/^\d+$/.test(entry)) {
            byIndex = true;
            gpu = all[Number(entry)];
        }
        else if (/^GPU-/i.test(entry)) {
            gpu = all.find((g) => g.uuid !== undefined && g.uuid.toLowerCase().startsWith(entry.toLowerCase()));
        }
        else if (/^MIG-/i.test(entry)) {
            mig = true;
        }
        if (gpu === undefined || picked.includes(gpu))
            break; // CUDA ignores everything from here on
        picked.push(gpu);
    }
    if (mig)
        return { gpus: [...all], orderUnknown: true, problem: null };
    if (picked.length === 0) {
        return {
            gpus: [],
            orderUnknown: false,
            problem: `CUDA_VISIBLE_DEVICES=${JSON.stringify(raw)} leaves CUDA no GPU of the ${all.length} nvidia-smi lists`,
        };
    }
    return { gpus: picked, orderUnknown: byIndex && mixed && !pciOrder, problem: null };
}

;// CONCATENATED MODULE: ./src/gpu/detect.ts
// The GPUs the export process will see, from what the machine has: nvidia-smi when it answers; the
// device tree and /etc/nv_tegra_release on a Jetson (for what nvidia-smi left unknown, or all of it
// where there is no nvidia-smi); and last CUDA itself, through torch in the user's Python, when the
// files could not tell (no nvidia-smi in a container, no compute capability, which GPU is cuda:0).
// A machine with a GPU is never told it has none without being told why.



/** A Jetson has one GPU: nvidia-smi's facts first, the board's files for what it could not read. */
function withJetsonFacts(gpu, board) {
    const merged = {
        ...gpu,
        name: gpu.name || board.name,
        computeCapability: gpu.computeCapability || board.computeCapability,
    };
    if (board.l4t !== undefined)
        merged.l4t = board.l4t;
    return merged;
}
/** Fills what the files left unknown of `gpu` from torch's `cuda:0`. */
function withTorchFacts(gpu, cuda) {
    return {
        ...gpu,
        name: gpu.name || cuda.name,
        computeCapability: gpu.computeCapability || cuda.computeCapability,
        driverVersion: gpu.driverVersion || cuda.driverVersion,
    };
}
async function detectGpus(options = {}) {
    const [smi, jetson] = await Promise.all([queryNvidiaSmi(options.nvidiaSmi), readJetson(options.root)]);
    const notes = [];
    let found = smi.gpus;
    if (smi.problem !== null)
        notes.push(smi.problem);
    if (jetson.gpu !== null) {
        const board = jetson.gpu;
        found = found.length === 0 ? [board] : found.map((g) => withJetsonFacts(g, board));
    }
    else if (found.length === 0 && jetson.problem !== null) {
        notes.push(jetson.problem);
    }
    const visible = visibleGpus(found, options.env ?? {});
    if (visible.problem !== null)
        return { gpus: [], notes: [...notes, visible.problem] };
    let gpus = visible.gpus;
    const first = gpus[0];
    const needsCuda = first === undefined || first.computeCapability === "" || visible.orderUnknown;
    if (!needsCuda || options.probeTorch === undefined)
        return { gpus, notes };
    const torch = await options.probeTorch();
    if (torch.gpu === null) {
        if (torch.problem !== null)
            notes.push(torch.problem);
        return { gpus, notes };
    }
    const cuda = torch.gpu;
    if (first === undefined) {
        gpus = [cuda];
    }
    else if (visible.orderUnknown) {
        // The one nvidia-smi lists that is CUDA's first, moved to the front; torch's own facts if none is.
        const same = gpus.find((g) => g.name === cuda.name && g.computeCapability === cuda.computeCapability);
        gpus = same === undefined ? [cuda, ...gpus] : [same, ...gpus.filter((g) => g !== same)];
    }
    else {
        gpus = [withTorchFacts(first, cuda), ...gpus.slice(1)];
    }
    return { gpus, notes };
}

;// CONCATENATED MODULE: ./src/preflight.ts
// Stage 1: is this machine able to build the requested target? Python and its packages (read with
// importlib.metadata, no torch import), and the GPU (src/gpu/detect.ts: nvidia-smi, a Jetson's
// device tree, else CUDA itself through torch). A target that cannot run here fails now, naming
// everything that is missing; it never falls back to another target.





async function readVersions(python, cwd, passthrough = []) {
    const lines = [];
    const run = await runDriver(python, ["versions"], { cwd, onLine: (l) => lines.push(l), passthrough });
    const json = lines.find((l) => l.startsWith("{"));
    if (run.exitCode !== 0 || json === undefined) {
        throw new TrtPteError("missing_dependency", `'${python}' could not run the trt-pte driver: ${run.tail.slice(-5).join(" | ") || `exit code ${run.exitCode}`}`, "set `python` (the CLI's `--python`) to a Python 3.10+ interpreter");
    }
    const report = JSON.parse(json);
    if (report.protocol !== PROTOCOL_VERSION) {
        throw new TrtPteError("internal", `driver protocol ${report.protocol} is not ${PROTOCOL_VERSION}`, "reinstall trt-pte");
    }
    return report;
}
/**
 * The GPU stack to install, named in hints: the newest of trt-pte's requirements/ files
 * (test/python/test_gpu_requirements.py checks it is there and the newest).
 */
const GPU_REQUIREMENTS = "requirements/torch-tensorrt-2.14-cu130.txt";
/** How to point trt-pte at another interpreter, in the action and in the CLI. */
const PYTHON_HINT = "or point trt-pte at a Python that has them (the action's `python` input, the CLI's `--python`)";
/** What the target lacks on this machine (its row in the target table), in words; empty when it can run. */
function missingFor(target, pre) {
    const { gpu, packages } = targetSpec(target);
    const missing = [];
    if (gpu && pre.gpus.length === 0) {
        const why = pre.gpuNotes !== undefined && pre.gpuNotes.length > 0 ? pre.gpuNotes.join("; ") : "none found";
        missing.push(`an NVIDIA GPU (${why})`);
    }
    for (const pkg of Object.keys(packages)) {
        if (!pre.packages[pkg])
            missing.push(`${pkg} (not installed in ${pre.python.executable})`);
    }
    return missing;
}
function checkTarget(target, pre) {
    const missing = missingFor(target, pre);
    if (missing.length === 0)
        return;
    const onlyGpu = missing.length === 1 && missing[0]?.startsWith("an NVIDIA GPU") === true;
    const gpuTarget = targetSpec(target).gpu;
    throw new TrtPteError(onlyGpu ? "gpu_missing" : "missing_dependency", `target '${target}' cannot run here: it needs ${missing.join(", ")}`, onlyGpu
        ? "run it on a GPU runner (docs/runners.md), or choose target xnnpack/portable"
        : gpuTarget
            ? `install the GPU stack into ${pre.python.executable} (pip install -r ${GPU_REQUIREMENTS}, a file of trt-pte's repository), ${PYTHON_HINT}`
            : `install torch and executorch into ${pre.python.executable} (docs/versions.md has a tested pair), ${PYTHON_HINT}`);
}
/** `cuda:0` as torch sees it, in the user's Python (the driver's `gpu` command): the last resort. */
async function probeTorchGpu(python, cwd, passthrough = []) {
    const lines = [];
    const run = await runDriver(python, ["gpu"], { cwd, onLine: (l) => lines.push(l), passthrough });
    const json = lines.find((l) => l.startsWith("{"));
    if (run.exitCode !== 0 || json === undefined) {
        return {
            gpu: null,
            problem: `torch could not be asked: ${run.tail.slice(-3).join(" | ") || `exit code ${run.exitCode}`}`,
        };
    }
    const answer = JSON.parse(json);
    if (answer.gpu === null)
        return { gpu: null, problem: answer.problem ?? "torch sees no GPU" };
    return {
        gpu: {
            name: answer.gpu.name,
            computeCapability: answer.gpu.compute_capability,
            driverVersion: answer.gpu.driver_version,
            source: "torch",
        },
        problem: null,
    };
}
/** One log line per GPU: what it is, where its facts came from, and which one builds. */
function describeGpus(gpus) {
    if (gpus.length === 0)
        return "GPU: none";
    return gpus
        .map((g, i) => {
        const facts = [`sm ${g.computeCapability || "?"}`];
        if (g.driverVersion !== "")
            facts.push(`driver ${g.driverVersion}`);
        if (g.l4t !== undefined)
            facts.push(`L4T ${g.l4t}`);
        const role = gpus.length > 1 ? (i === 0 ? ", builds here (cuda:0)" : `, cuda:${i}`) : "";
        return `GPU: ${g.name} (${facts.join(", ")}; from ${g.source ?? "nvidia-smi"}${role})`;
    })
        .join("\n");
}
async function preflight(settings, log) {
    const needsGpu = targetSpec(settings.target).gpu;
    const [report, detection] = await Promise.all([
        readVersions(settings.python, settings.workspace, settings.envPassthrough),
        detectGpus({
            env: process.env,
            // Only a GPU target pays for importing torch, and only when the files could not tell.
            probeTorch: needsGpu
                ? () => probeTorchGpu(settings.python, settings.workspace, settings.envPassthrough)
                : undefined,
        }),
    ]);
    const { python: pythonVersion, ...packages } = report.versions;
    const result = {
        python: { executable: report.executable, version: pythonVersion ?? "unknown" },
        packages,
        distributions: report.distributions,
        editable: report.editable,
        gpus: detection.gpus,
        gpuNotes: detection.notes,
    };
    log.info(`python ${result.python.version} (${result.python.executable})`);
    log.info(Object.entries(packages)
        .map(([k, v]) => `${k} ${v ?? "-"}`)
        .join(", "));
    log.info(describeGpus(detection.gpus));
    checkTarget(settings.target, result);
    return result;
}

;// CONCATENATED MODULE: ./src/failed-build.ts
// A build that failed after the driver wrote its .pte (the run of it failed, or verification did):
// the files are kept beside the run's log for `trt-pte inspect` (never uploaded or cached), and when
// the .pte fixes a dimension that `inputs` made dynamic, the error says which, to what size, and what
// usually does that: the failure at the MIN or MAX shapes is then no mystery.





/**
 * The dimensions the program fixes although `specs` (in the order the program takes its inputs)
 * made them dynamic: the program's input tensor is static, so every dimension is its stored size.
 */
function fixedDimensions(specs, inputs) {
    const fixed = [];
    specs.forEach((spec, i) => {
        const tensor = inputs[i]?.tensor;
        if (tensor === null || tensor === undefined || tensor.dynamism !== "static")
            return;
        spec.dims.forEach((d, j) => {
            const dynamic = d.symbol !== null || d.min !== d.max;
            const size = tensor.shape[j];
            if (dynamic && size !== undefined) {
                fixed.push({ input: i, name: spec.name, dimension: j, spec: formatInputSpecs([spec]), size });
            }
        });
    });
    return fixed;
}
function describeFixed(f) {
    const input = f.name === null ? `input ${f.input}` : `input \`${f.name}\``;
    return `dimension ${f.dimension} of ${input} (${f.spec}) is fixed to ${f.size}`;
}
const CAUSES = "a reshape or view with a literal size, int() of a shape, or a lowering or backend op that does not take dynamic shapes";
/**
 * Moves what `staging` holds to `failedDir` when it has a .pte, and returns the error to report: the
 * same kind, with what the .pte fixes and where it is kept. `specs` are the inputs in the order the
 * program takes them.
 */
async function keepFailedBuild(staging, failedDir, error, specs) {
    let names;
    try {
        names = await promises_default().readdir(staging);
    }
    catch {
        return error;
    }
    const pte = names.find((n) => n.endsWith(".pte"));
    if (pte === undefined)
        return error;
    await promises_default().rm(failedDir, { recursive: true, force: true });
    await promises_default().rename(staging, failedDir);
    if (!(error instanceof TrtPteError))
        return error;
    const kept = external_node_path_default().join(failedDir, pte);
    let fixed = [];
    let takes = "";
    try {
        const plan = inspectPte(kept).plans.find((p) => p.name === "forward");
        if (plan !== undefined) {
            fixed = fixedDimensions(specs, plan.inputs);
            takes = plan.inputs
                .map((v) => (v.tensor === null ? v.kind : `${v.tensor.dtype}[${v.tensor.shape.join(",")}]`))
                .join(", ");
        }
    }
    catch {
        // A file the reader cannot read explains nothing more; verification has said what is wrong with it.
    }
    const inspect = `the .pte that was built is kept at ${kept}: \`trt-pte inspect ${kept}\` shows it`;
    if (fixed.length === 0) {
        return new TrtPteError(error.kind, error.message, error.hint ? `${error.hint}; ${inspect}` : inspect, error.location);
    }
    return new TrtPteError(error.kind, `${error.message}\nwhat was built takes fixed shapes where \`inputs\` allows a range: ${fixed.map(describeFixed).join("; ")} ` +
        `(its forward takes ${takes})`, `the usual causes are ${CAUSES}; let sizes follow the input (x.view(x.shape[0], -1)), or make the ` +
        `dimension static in \`inputs\` if it never changes; ${inspect}`, error.location);
}

;// CONCATENATED MODULE: ./src/verify.ts
// Stage 3: check what the driver wrote before anything is published. The .pte is read by our own
// reader (src/pte/) and held to what the target and the driver's partition report promise: the
// delegates that must be there, every payload inside the file, every .ptd the program reads from
// present. A failed check names what was expected and what was found, and nothing gets uploaded.








/** The partition report's key for compute nodes left to ExecuTorch's portable kernels. */
const UNDELEGATED = "undelegated";
function fail(message, hint = "the export wrote a file that is not what it reported; see the log above") {
    throw new TrtPteError("verification", message, hint);
}
/**
 * The file as trt-pte measures it: a regular file (not a link) by its plain name in `dir`, its size
 * and sha256 computed here, in one pass. The export process's own figures must agree: it runs the
 * model's code, so its result could name any digest (that of a released .pte, say).
 */
async function measureFile(dir, stated) {
    if (!isPlainName(stated.name))
        fail(`expected a plain file name in the export result, found a path`);
    const file = external_node_path_default().join(dir, stated.name);
    let stat;
    try {
        stat = await promises_default().lstat(file);
    }
    catch {
        fail(`expected ${stated.name} in ${dir}, found no such file`);
    }
    if (!stat.isFile())
        fail(`expected ${stated.name} to be a regular file, found a link or a folder`);
    const measured = await hashFile(file);
    if (measured.bytes !== stated.bytes) {
        fail(`the export process reported ${stated.name} as ${stated.bytes} bytes, the file is ${measured.bytes} bytes`);
    }
    if (measured.hex !== stated.sha256) {
        fail(`the export process reported ${stated.name} with sha256 ${stated.sha256}, the file is sha256 ${measured.hex}`, "nothing was published: the file is not what the export reported (model code runs in that process and can rewrite its result)");
    }
    return { ...stated, bytes: measured.bytes, sha256: measured.hex };
}
/** A name that stays in its folder: no separator, not `.` or `..`. */
function isPlainName(name) {
    return name !== "" && name !== "." && name !== ".." && !/[/\\]/.test(name) && external_node_path_default().basename(name) === name;
}
/** Verifies the export in `dir`; with a log, prints what the .pte holds before judging it. */
async function verifyOutput(dir, result, target = result.target, log) {
    const files = result.files ?? [];
    const ptes = files.filter((f) => f.kind === "pte");
    const stated = ptes[0];
    if (stated === undefined || ptes.length !== 1)
        fail(`expected one .pte in the export result, found ${ptes.length}`);
    const names = files.map((f) => f.name);
    if (new Set(names).size !== names.length)
        fail("expected each file once in the export result, found one twice");
    // Measured once here; the digest output, summary, comment, report.json, cache entry and baseline
    // all use these figures, never the result's.
    const pte = await measureFile(dir, stated);
    const ptd = [];
    for (const f of files.filter((f) => f.kind === "ptd"))
        ptd.push(await measureFile(dir, f));
    let inspection;
    try {
        inspection = inspectPte(external_node_path_default().join(dir, pte.name), { ptd: ptd.map((f) => external_node_path_default().join(dir, f.name)) });
    }
    catch (e) {
        if (!(e instanceof PteFormatError))
            throw e;
        fail(`expected ${external_node_path_default().basename(e.file)} to be a well-formed ExecuTorch file, found at byte ${e.offset} (${e.structure}): ${e.problem}`, "the export wrote a malformed file; this is a bug in the exporter (torch_tensorrt / executorch), not in your model: report it with the log above");
    }
    inspection = relativePaths(inspection, dir);
    log?.info(renderTree(inspection));
    const problems = checkInspection(inspection, target, result.partition);
    if (problems.length > 0) {
        fail(`${pte.name} does not hold what the export promised:\n${problems.map((p) => `  - ${p}`).join("\n")}`, "nothing was uploaded; the tree above shows what the .pte holds");
    }
    return { pte, ptd, inspection };
}
/** The inspection with file paths made relative to the output folder (the staging folder moves). */
function relativePaths(inspection, dir) {
    return {
        ...inspection,
        file: { ...inspection.file, path: external_node_path_default().relative(dir, inspection.file.path) },
        external_data: inspection.external_data.map((f) => ({ ...f, path: external_node_path_default().relative(dir, f.path) })),
    };
}
/**
 * What must hold for `target` (its delegates in the target table) given the driver's partition
 * report (backend id → compute nodes, plus `undelegated`). Each problem reads "expected ..., found ...".
 */
function checkInspection(inspection, target, partition) {
    const problems = [];
    const ids = inspection.delegates.map((d) => d.id);
    const count = (id) => ids.filter((x) => x === id).length;
    const found = () => {
        if (ids.length === 0)
            return "no delegates at all";
        const byId = [...new Set(ids)].map((id) => `${id} ×${count(id)}`);
        return `only ${byId.join(", ")}`;
    };
    const { delegates, fallback_delegate: fallback } = target === undefined ? { delegates: [], fallback_delegate: null } : targetSpec(target);
    for (const id of delegates) {
        if (count(id) === 0) {
            problems.push(`expected at least one ${id} delegate for target ${target}, found ${found()}`);
        }
    }
    const reported = Object.entries(partition ?? {}).filter(([, n]) => n > 0);
    if (fallback !== null) {
        const outside = reported.filter(([id]) => !delegates.includes(id));
        if (outside.length > 0 && count(fallback) === 0) {
            const nodes = outside.map(([id, n]) => `${id} ${n}`).join(", ");
            const own = delegates.map((id) => id.replace(/Backend$/, "")).join(", ");
            problems.push(`expected a ${fallback} delegate for the nodes that stayed outside ${own} (the export reports ${nodes}), found ${found()}`);
        }
    }
    for (const [id, nodes] of reported) {
        if (id === UNDELEGATED || count(id) > 0)
            continue;
        if (id === fallback)
            continue; // already reported above
        problems.push(`expected a ${id} delegate (the export reports ${nodes} nodes delegated to it), found ${found()}`);
    }
    // The other way round: every delegate the file holds takes at least one node, so the export must
    // report at least that many for its backend. A report the file contradicts is not shown as fact.
    if (partition !== undefined) {
        for (const id of new Set(ids)) {
            const nodes = partition[id] ?? 0;
            if (nodes < count(id)) {
                problems.push(`expected the export to report at least ${count(id)} nodes in ${id} (the .pte holds ${count(id)} ${id} delegate${count(id) === 1 ? "" : "s"}), found ${nodes}`);
            }
        }
    }
    for (const d of inspection.delegates) {
        if (d.offset !== null && d.offset + d.bytes > inspection.file.bytes) {
            problems.push(`expected the payload of ${d.id} delegate ${d.plan}/${d.index} inside the file, found bytes ${d.offset}..${d.offset + d.bytes} of a ${inspection.file.bytes}-byte file`);
        }
    }
    const ptds = inspection.external_data.map((f) => f.name);
    for (const key of inspection.external_keys) {
        if (key.found_in !== null)
            continue;
        problems.push(`expected named data '${key.key}' (needed by ${key.needed_by}) in a .ptd beside the .pte, found ${ptds.length === 0 ? "no .ptd files" : `it in none of ${ptds.join(", ")}`}`);
    }
    return problems;
}
const WHEEL = "torch-tensorrt-executorch-runtime";
const WHEEL_KEY = "torch_tensorrt_executorch_runtime";
const EXAMPLE_RUNNER = external_node_path_default().join("torch_tensorrt", "bin", "example_executorch_runner");
/**
 * Why what the export process says ran the .pte (`execution.runtime`) cannot be what ran it here,
 * or null when it can: the runtimes src/python/trt_pte/execution.py picks from, each one the
 * environment must have (the wheel at the version named, the runner binary the settings name,
 * torch_tensorrt's own runner). It stays the process's word; this catches a claim the environment
 * contradicts.
 */
async function executionProblem(execution, target, env) {
    if (execution === undefined)
        return null;
    const runtime = execution.runtime;
    const gpu = targetSpec(target).gpu;
    if (runtime === "none" || runtime === "compiled module") {
        if (execution.pte_ran)
            return `reports that the .pte ran, in ${runtime}, which does not run a .pte`;
        if (runtime === "compiled module" && target !== "tensorrt")
            return `reports the compiled module for target ${target}, which has none`;
        return null;
    }
    if (runtime === "executorch runtime") {
        if (gpu)
            return `reports ExecuTorch's Python runtime for target ${target}, which it never runs on`;
        if (env.distributions.executorch === undefined)
            return "reports ExecuTorch's runtime, but executorch is not installed in the driver's environment";
        return null;
    }
    if (runtime === WHEEL || runtime.startsWith(`${WHEEL} `)) {
        const installed = env.distributions[WHEEL_KEY];
        if (!gpu)
            return `reports ${WHEEL} for target ${target}, which it never runs on`;
        if (installed === undefined)
            return `reports ${WHEEL}, which is not installed in the driver's environment`;
        const version = runtime.slice(WHEEL.length + 1);
        if (version !== "" && version !== installed)
            return `reports ${WHEEL} ${version}, but the driver's environment has ${installed}`;
        return null;
    }
    const binary = /^(executor_runner|example_executorch_runner) \((.+)\)$/.exec(runtime);
    if (binary === null)
        return "reports a runtime trt-pte does not know";
    const [, kind, file = ""] = binary;
    if (!gpu)
        return `reports a runner binary for target ${target}, which runs in ExecuTorch's runtime`;
    if (kind === "executor_runner") {
        return env.runner !== null && file === env.runner
            ? null
            : "reports an executor_runner that the `runner` setting does not name";
    }
    if (env.runner !== null)
        return "reports torch_tensorrt's example runner, but the `runner` setting names another";
    if (env.distributions.torch_tensorrt === undefined || !file.endsWith((external_node_path_default()).sep + EXAMPLE_RUNNER))
        return "reports a runner binary that is not torch_tensorrt's example_executorch_runner";
    try {
        if (!(await promises_default().stat(file)).isFile())
            return "reports a runner binary that is not a file";
    }
    catch {
        return "reports a runner binary that does not exist";
    }
    return null;
}
/** Fails the run when what the export says ran the .pte is not in this environment. */
async function checkExecution(execution, target, env) {
    const problem = await executionProblem(execution, target, env);
    if (problem !== null) {
        fail(`what ran the .pte: the export process ${problem}`, "nothing was published; model code runs in the export process and can rewrite its result");
    }
}

;// CONCATENATED MODULE: ./src/publish/render.ts
// The facts of one export as short markdown pieces, shared by the job summary and the PR comment
// so both say the same thing the same way. Two-column tables: they stay readable on a phone.
// Every string that came from the driver, the .pte or a cached report is shown through `code`, and
// `table` escapes every cell, so nothing a model names becomes a link, a mention, HTML or a new row.






const render_NUMBER = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });
function render_sci(x) {
    if (!Number.isFinite(x))
        return "∞";
    return x === 0 ? "0" : Math.abs(x) < 1e-3 || Math.abs(x) >= 1e4 ? x.toExponential(1) : render_NUMBER.format(x);
}
function formatNodes(partition) {
    const order = ["TensorRTBackend", "CudaBackend", "XnnpackBackend"];
    const names = {
        TensorRTBackend: "TensorRT",
        CudaBackend: "CUDA",
        XnnpackBackend: "XNNPACK",
        undelegated: "undelegated",
    };
    const keys = Object.keys(partition).sort((a, b) => {
        const ia = a === "undelegated" ? 99 : order.indexOf(a) < 0 ? 50 : order.indexOf(a);
        const ib = b === "undelegated" ? 99 : order.indexOf(b) < 0 ? 50 : order.indexOf(b);
        return ia - ib || a.localeCompare(b);
    });
    return keys.map((k) => `${names[k] ?? format_code(k)} ${partition[k]}`).join(" · ") || "–";
}
function formatAccuracy(accuracy) {
    if (accuracy === null)
        return "–";
    if (accuracy.status === "skipped")
        return `not checked: ${format_code(accuracy.reason ?? "")}`;
    const uninformative = accuracy.uninformative ?? null;
    // A match against constant outputs proves nothing: not a green check (issue: any build matches).
    const verdict = accuracy.passed === false ? "❌" : uninformative !== null ? "⚠️ could not tell:" : "✅";
    const limit = accuracy.tolerance === null ? "" : ` (tolerance ${render_sci(accuracy.tolerance)})`;
    const shapes = accuracy.points.length > 1 ? ` at ${format_code(accuracy.points.map((p) => p.shape).join("/"))}` : "";
    const why = uninformative === null ? "" : ` (${format_code(uninformative)})`;
    const worst = worstOutput(accuracy);
    const where = worst === null ? "" : ` in ${format_code(worst)}`;
    return `${verdict} max abs ${render_sci(accuracy.max_abs)} · max rel ${render_sci(accuracy.max_rel)}${where}${limit}${shapes}, ${format_code(accuracy.against)}${why}`;
}
/** The named output with the largest relative error, when the model has more than one output. */
function worstOutput(accuracy) {
    const outputs = accuracy.points.flatMap((p) => p.outputs);
    if (new Set(outputs.map((o) => o.index)).size < 2 || accuracy.max_rel === 0)
        return null;
    const worst = outputs.reduce((a, b) => (b.max_rel > a.max_rel ? b : a));
    return worst.name ?? String(worst.index);
}
/** `scores float32[1,4] · boxes float32[1,128]`: each output by its name in what forward() returns. */
function formatOutputs(outputs) {
    return outputs
        .map((o) => {
        const tensor = `${o.dtype}[${o.shape.join(",")}]`;
        const positional = /^[\d.]+$/.test(o.name);
        return format_code(positional && outputs.length === 1 ? tensor : `${o.name} ${tensor}`);
    })
        .join(" · ");
}
function formatVersions(versions) {
    return [...STACK_PACKAGES, "python"]
        .filter((k) => versions[k])
        .map((k) => `${k} ${format_code(versions[k] ?? "")}`)
        .join(" · ");
}
function formatGpu(report) {
    const g = report.gpu;
    if (g === null)
        return "none";
    const facts = [`sm ${format_code(g.compute_capability || "?")}`];
    if (g.driver_version !== "")
        facts.push(`driver ${format_code(g.driver_version)}`);
    if (g.l4t !== undefined)
        facts.push(`L4T ${format_code(g.l4t)}`);
    return `${format_code(g.name)} (${facts.join(", ")})`;
}
/**
 * Seconds per stage. On a cache hit no export ran: the stages are this run's, and the driver's steps
 * (`export.*`) are the building run's, said so with who measured them.
 */
function formatTimings(report) {
    const entries = Object.entries(report.timings);
    const now = entries
        .filter(([k]) => !k.startsWith("export."))
        .map(([k, s]) => `${k.replace(/_/g, " ")} ${formatDuration(s * 1000)}`);
    const run = report.timings["export.run"];
    if (!report.cache.hit) {
        // The driver's steps stay inside `export`, except running and timing the .pte: its own line.
        return [...now, ...(run === undefined ? [] : [`of which run & time ${formatDuration(run * 1000)}`])].join(" · ");
    }
    const steps = entries.filter(([k]) => k.startsWith("export."));
    if (steps.length === 0)
        return `${now.join(" · ")} (no export ran)`;
    const built = formatDuration(steps.reduce((sum, [, s]) => sum + s, 0) * 1000);
    const ofWhich = run === undefined ? "" : `, of which run & time ${formatDuration(run * 1000)}`;
    return `now: ${now.join(" · ")} (no export ran) · the export that built it: ${built}${ofWhich}${measuredBy(report)}`;
}
function formatInputs(inputs) {
    return inputs.length === 0 ? "–" : format_code(formatInputSpecs(inputs), 1000);
}
/** The engines and blobs as a bullet list under the table (nothing when there are none). */
function engineList(report) {
    const lines = engineLines(report.inspection);
    return lines.length === 0 ? "" : `\n${lines.map((l) => `- ${l}`).join("\n")}\n`;
}
function formatCache(report) {
    const { cache } = report;
    if (!cache.enabled)
        return "off";
    if (cache.hit) {
        const from = cache.from_run === null
            ? "an earlier local run"
            : `run [${cache.from_run.run_id}](${cache.from_run.url})`;
        return `**cache hit**: built by ${from}; no export ran`;
    }
    return cache.layers.map((l) => `${l.layer} ${l.state}`).join(" · ") || "miss";
}
/** A link per file: each downloads the file itself (one artifact per file, unzipped). */
function formatDownload(downloads) {
    if (downloads === null)
        return "not uploaded (`upload: false`)";
    return [downloads.pte, ...downloads.ptd, downloads.report]
        .map((d) => `[⬇ ${cell(d.name)}](${d.url})`)
        .join(" · ");
}
/**
 * The one label over the rows only the export process could report (accuracy, what ran,
 * determinism, latency, memory, node counts): it runs the model's code, so those are its figures,
 * which a pull request can forge; trt-pte checks what it can (the node counts against the .pte,
 * what ran against the environment). docs/security.md says which gates rest on them.
 */
const PROCESS_LABEL = [
    "**Reported by the export process**",
    "which runs the model's code",
];
function table(rows) {
    return ["| | |", "|---|---|", ...rows.map(([k, v]) => `| ${cell(k)} | ${cell(v)} |`)].join("\n");
}
function title(report) {
    // Both come from this run's settings: a sanitised name (src/settings/names.ts) and a known target.
    return `trt-pte · ${cell(report.model_name)} · ${report.target}`;
}

;// CONCATENATED MODULE: ./src/publish/plain-text.ts
// The summary for a terminal: the same rows the job summary shows, as aligned text. The rows are
// rendered once, as markdown (summary.ts); this turns trt-pte's own inline markdown into text: a code
// span's content as it is (untrusted text only ever sits in one, src/util/format.ts `code`), a link as
// its text and address, bold as plain words. Headings, list items and code blocks of the sections
// below the table keep their words; the Mermaid picture is left to `trt-pte inspect --mermaid`.
const WIDTH = 100;
/** Where the code span opened by a run of `fence` backticks closes (the next run of that length), or -1. */
function codeSpanEnd(markdown, from, fence) {
    let j = from;
    while (j < markdown.length) {
        if (markdown[j] !== "`") {
            j++;
            continue;
        }
        let k = j;
        while (markdown[k] === "`")
            k++;
        if (k - j === fence)
            return j;
        j = k;
    }
    return -1;
}
/**
 * One line of trt-pte's markdown as text. A link shows its address once: `seen` holds the addresses
 * already shown (the rows of one summary share it), and a link to one of them keeps its words only.
 */
function plainText(markdown, seen = new Set()) {
    let out = "";
    let i = 0;
    while (i < markdown.length) {
        const rest = markdown.slice(i);
        const fence = /^`+/.exec(rest)?.[0].length ?? 0;
        const end = fence > 0 ? codeSpanEnd(markdown, i + fence, fence) : -1;
        if (end >= 0) {
            const content = markdown.slice(i + fence, end);
            // `code` pads with one space where the text starts or ends with a backtick or a space.
            const padded = content.length > 2 && content.startsWith(" ") && content.endsWith(" ") && content.trim() !== "";
            out += padded ? content.slice(1, -1) : content;
            i = end + fence;
            continue;
        }
        const link = /^\[([^\]]*)\]\(([^)\s]*)\)/.exec(rest);
        if (link !== null) {
            const [whole, text = "", url = ""] = link;
            const words = plainText(text, seen);
            out += seen.has(url) ? words || url : text === "" || text === url ? url : `${words} (${url})`;
            seen.add(url);
            i += whole.length;
            continue;
        }
        if (rest.startsWith("**")) {
            i += 2;
            continue;
        }
        out += fence > 0 ? rest.slice(0, fence) : markdown[i];
        i += Math.max(fence, 1);
    }
    return out;
}
/** `text` cut at spaces into lines of at most `width` characters (a longer word keeps its line). */
function plain_text_wrap(text, width) {
    const lines = [];
    let line = "";
    for (const word of text.split(" ")) {
        if (line !== "" && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        }
        else
            line = line === "" ? word : `${line} ${word}`;
    }
    lines.push(line);
    return lines;
}
/**
 * Two-column rows as `Label   value`, the values aligned and wrapped under themselves; `seen` holds
 * the link addresses already shown, and `labelWidth` the column the values start at (blocks of one
 * summary share both).
 */
function alignedRows(rows, width = WIDTH, seen = new Set(), labelWidth = Math.max(0, ...rows.map(([label]) => label.length)) + 2) {
    const pad = `\n${" ".repeat(labelWidth)}`;
    return rows
        .map(([label, value]) => `${label.padEnd(labelWidth)}${plain_text_wrap(plainText(value, seen), width - labelWidth).join(pad)}`)
        .join("\n");
}
/**
 * A markdown section as text: headings and a collapsed section's summary as lines of their own, list
 * items and paragraphs indented, and a code block's lines as they are, flush left between blank
 * lines, so they copy and paste as written.
 */
function markdownSection(markdown, width = WIDTH) {
    const out = [];
    let fence = null;
    for (const line of markdown.split("\n")) {
        if (fence !== null) {
            if (line === fence) {
                fence = null;
                out.push("");
            }
            else
                out.push(line);
            continue;
        }
        const opens = /^(`{3,})\w*$/.exec(line);
        if (opens !== null) {
            fence = opens[1] ?? "```";
            out.push("");
            continue;
        }
        if (line.trim() === "" || line.trim() === "</details>")
            continue;
        const title = /^(?:#{1,6} |<details><summary>)(.*?)(?:<\/summary>)?$/.exec(line);
        if (title !== null) {
            out.push(plainText(title[1] ?? ""));
            continue;
        }
        const item = /^(\s*)- (.*)$/.exec(line);
        const indent = item === null ? "  " : `${item[1] ?? ""}  - `;
        const text = plainText(item === null ? line : (item[2] ?? ""));
        out.push(indent + plain_text_wrap(text, width - indent.length).join(`\n${" ".repeat(indent.length)}`));
    }
    return out
        .join("\n")
        .replace(/\n{3,}/g, "\n\n")
        .replace(/^\n+|\n+$/g, "");
}

;// CONCATENATED MODULE: ./src/publish/summary.ts
// The job summary: one section per model and target (a job may call the action several times, and
// each call appends its own section).





function commentLine(outcome) {
    switch (outcome.state) {
        case "off":
            return null;
        case "created":
        case "updated":
            return `[${outcome.state === "created" ? "posted" : "updated"}](${outcome.url ?? ""})`;
        default:
            // trt-pte's own explanation (src/publish/publish-comment.ts), markdown and all.
            return `not posted: ${outcome.reason ?? ""}`;
    }
}
const NO_EXTRAS = { comparison: "", picture: "", history: "" };
/** The summary as markdown, beside report.json in the output folder (not uploaded). */
const SUMMARY_FILE = "summary.md";
function summaryParts(report, downloads, comment) {
    // What trt-pte measured or read itself first; then, under one label, what only the export
    // process could report (it runs the model's code, so a pull request can forge those figures).
    const rows = [
        ["Download", formatDownload(downloads)],
        ["Target", report.target],
        [".pte", `${format_code(report.pte.name)} · ${formatBytes(report.pte.bytes)}`],
        ["sha256", format_code(report.pte.sha256)],
    ];
    for (const ptd of report.ptd)
        rows.push([".ptd", `${format_code(ptd.name)} · ${formatBytes(ptd.bytes)}`]);
    rows.push(["Delegates", delegateSummary(report.inspection)]);
    rows.push([
        "Needs to run",
        formatNeeds(report, downloads?.ptd.map((d) => d.name)),
    ]);
    rows.push(["Cache", formatCache(report)]);
    rows.push(["GPU", formatGpu(report)]);
    rows.push(["Versions", formatVersions(report.versions)]);
    rows.push(["Time", formatTimings(report)]);
    const comment_ = commentLine(comment);
    if (comment_ !== null)
        rows.push(["PR comment", comment_]);
    rows.push(PROCESS_LABEL);
    rows.push(["Inputs", formatInputs(report.inputs)]);
    if ((report.outputs ?? []).length > 0)
        rows.push(["Outputs", formatOutputs(report.outputs)]);
    rows.push(["Nodes", formatNodes(report.partition)]);
    rows.push(["Accuracy", formatAccuracy(report.accuracy)]);
    rows.push(["Ran", formatExecution(report)]);
    rows.push(["Deterministic", formatDeterminism(report)]);
    rows.push(["Latency", formatLatency(report)]);
    rows.push(["Memory", formatMemory(report)]);
    return {
        title: title(report),
        model: format_code(report.model, 1000),
        rows,
        engines: engineLines(report.inspection),
    };
}
function renderSummary(report, downloads, comment = { state: "off" }, extras = NO_EXTRAS) {
    const parts = summaryParts(report, downloads, comment);
    const engines = parts.engines.length === 0 ? "" : `\n${parts.engines.map((l) => `- ${l}`).join("\n")}\n`;
    const picture = extras.picture === "" ? "" : `\n#### Partition\n\n${extras.picture}`;
    const comparison = extras.comparison === "" ? "" : `\n${extras.comparison}`;
    const useIt = extras.useIt ? `\n${extras.useIt}` : "";
    const history = (extras.history ?? "") === "" ? "" : `\n#### Latency history\n\n${extras.history}`;
    return `### ${parts.title}\n\nModel ${parts.model}\n\n${table(parts.rows)}\n${engines}${useIt}${comparison}${history}${picture}`;
}
/**
 * The same summary for a terminal: aligned `Label  value` rows (the export process's label as a
 * line of its own), no table pipes, no Mermaid source (`trt-pte inspect --mermaid` draws the
 * partition, the markdown file the latency history's chart); "Use it" comes last, its code as it is.
 */
function renderSummaryText(report, downloads, comment = { state: "off" }, extras = NO_EXTRAS) {
    const parts = summaryParts(report, downloads, comment);
    const at = parts.rows.indexOf(PROCESS_LABEL);
    const [ours, theirs] = at < 0 ? [parts.rows, []] : [parts.rows.slice(0, at), parts.rows.slice(at + 1)];
    const seen = new Set();
    const column = Math.max(5, ...parts.rows.filter((r) => r !== PROCESS_LABEL).map(([l]) => l.length)) + 2;
    const out = [
        plainText(parts.title),
        "",
        alignedRows([["Model", parts.model], ...ours], undefined, seen, column),
    ];
    if (theirs.length > 0) {
        const label = `${plainText(PROCESS_LABEL[0])}, ${plainText(PROCESS_LABEL[1])}:`;
        out.push("", label, alignedRows(theirs, undefined, seen, column));
    }
    if (parts.engines.length > 0)
        out.push("", markdownSection(parts.engines.map((l) => `- ${l}`).join("\n")));
    if (extras.comparison !== "")
        out.push("", markdownSection(extras.comparison));
    if ((extras.history ?? "") !== "")
        out.push("", "The latency history as a chart: summary.md beside report.json");
    if (extras.picture !== "")
        out.push("", "The partition as a picture: trt-pte inspect --mermaid on the .pte");
    if (extras.useIt)
        out.push("", markdownSection(extras.useIt));
    return `${out.join("\n")}\n`;
}

;// CONCATENATED MODULE: ./src/publish/comment-body.ts
// The sticky PR comment's body: the essentials of the summary and the download link.





function renderComment(report, downloads, extras = NO_EXTRAS) {
    const rows = [
        ["Download", formatDownload(downloads)],
        [
            ".pte",
            `${format_code(report.pte.name)} · ${formatBytes(report.pte.bytes)} · sha256 ${format_code(report.pte.sha256.slice(0, 16))}…`,
        ],
    ];
    for (const ptd of report.ptd)
        rows.push([".ptd", `${format_code(ptd.name)} · ${formatBytes(ptd.bytes)}`]);
    rows.push([
        "Needs to run",
        formatNeeds(report, downloads?.ptd.map((d) => d.name)),
    ], ["Cache", formatCache(report)], 
    // What follows, only the export process could report (src/publish/render.ts PROCESS_LABEL).
    PROCESS_LABEL, ["Nodes", formatNodes(report.partition)], ["Accuracy", formatAccuracy(report.accuracy)], ["Ran", formatExecution(report)], ["Deterministic", formatDeterminism(report)], ["Latency", formatLatency(report)]);
    const run = report.run;
    const footer = run === null
        ? ""
        : `\n<sub>Updated by [run ${run.run_id}](${run.url}) for ${run.sha.slice(0, 7)}.</sub>\n${/^[0-9]+$/.test(run.run_id) ? `${runMarker(run.run_id)}\n` : ""}`;
    const comparison = extras.comparison === "" ? "" : `\n${extras.comparison}`;
    // The picture is long: collapsed, so the comment stays short on a phone.
    const picture = extras.picture === "" ? "" : `\n<details><summary>Partition</summary>\n\n${extras.picture}\n</details>\n`;
    const useIt = extras.useIt ? `\n${extras.useIt}` : "";
    const history = (extras.history ?? "") === ""
        ? ""
        : `\n<details><summary>Latency history</summary>\n\n${extras.history}\n</details>\n`;
    return `### ${title(report)}\n\n${table(rows)}\n${engineList(report)}${useIt}${comparison}${history}${picture}${footer}`;
}

;// CONCATENATED MODULE: ./src/github/pull-request.ts
// Which pull request a run's comment belongs to, from GitHub's own event payload (never from a
// downloaded file): directly for pull_request events, and for the fork-PR commenter (a
// `workflow_run` event) by matching the triggering run's head commit against open pull requests.

const PULL_REQUEST_EVENTS = [
    "pull_request",
    "pull_request_target",
    "pull_request_review",
    "pull_request_review_comment",
];
function field(obj, ...keys) {
    let value = obj;
    for (const key of keys) {
        if (typeof value !== "object" || value === null)
            return undefined;
        value = value[key];
    }
    return value;
}
function asString(value) {
    return typeof value === "string" ? value : "";
}
/** The pull request of a pull_request-family event, or null for any other event. */
function pullRequestOfEvent(eventName, payload, repository) {
    if (!PULL_REQUEST_EVENTS.includes(eventName))
        return null;
    const number = field(payload, "pull_request", "number");
    if (typeof number !== "number")
        return null;
    return {
        number,
        headSha: asString(field(payload, "pull_request", "head", "sha")),
        // A deleted fork has no head repository: still a fork.
        fromFork: asString(field(payload, "pull_request", "head", "repo", "full_name")) !== repository,
    };
}
/**
 * The pull request whose run triggered a `workflow_run` event. GitHub lists it in
 * `workflow_run.pull_requests` only for same-repository branches; for a fork the open pull requests
 * of `<fork owner>:<branch>` are searched and the one whose head is exactly the run's commit wins.
 */
async function pullRequestOfWorkflowRun(payload, repository, octokit) {
    const run = field(payload, "workflow_run");
    const event = asString(field(run, "event"));
    if (event !== "pull_request" && event !== "pull_request_target")
        return null;
    const headSha = asString(field(run, "head_sha"));
    const fromFork = asString(field(run, "head_repository", "full_name")) !== repository;
    const listed = field(run, "pull_requests");
    if (Array.isArray(listed)) {
        for (const pr of listed) {
            if (!basedHere(pr, payload))
                continue;
            if (typeof field(pr, "number") === "number" && asString(field(pr, "head", "sha")) === headSha) {
                return { number: field(pr, "number"), headSha, fromFork };
            }
        }
    }
    const owner = asString(field(run, "head_repository", "owner", "login"));
    const branch = asString(field(run, "head_branch"));
    if (owner === "" || branch === "" || headSha === "")
        return null;
    const [baseOwner = "", baseRepo = ""] = repository.split("/");
    const { data } = await octokit.rest.pulls.list({
        owner: baseOwner,
        repo: baseRepo,
        state: "open",
        head: `${owner}:${branch}`,
        per_page: 100,
    });
    const match = data.find((pr) => pr.head.sha === headSha);
    return match === undefined ? null : { number: match.number, headSha, fromFork };
}
/**
 * Whether a `workflow_run.pull_requests` entry is a pull request of this repository. GitHub lists the
 * pull requests whose head is the run's branch, and one opened from that branch against another
 * repository (inside the fork, or to a third one) is listed too: its number means nothing here. The
 * entries name their base repository by ID only (`base.repo: {id, url, name}`), so an entry counts
 * when that ID is the payload's `repository.id`; without one, none counts and the search decides.
 */
function basedHere(pr, payload) {
    const here = field(payload, "repository", "id");
    return typeof here === "number" && field(pr, "base", "repo", "id") === here;
}
/**
 * The event payload the runner wrote for this job, or an empty object when there is none (no
 * GITHUB_EVENT_PATH, or no file there). A file that is not JSON throws: the runner never writes one.
 */
function readEventPayload(env) {
    const file = env.GITHUB_EVENT_PATH;
    if (file === undefined || file === "" || !(0,external_node_fs_namespaceObject.existsSync)(file))
        return {};
    const parsed = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(file, "utf8"));
    return typeof parsed === "object" && parsed !== null ? parsed : {};
}

;// CONCATENATED MODULE: ./src/publish/publish-comment.ts
// Keeps the PR comment up to date when `comment: true`, and says why not when it cannot: not a pull
// request, a fork's read-only token, or no GitHub at all. A comment is a convenience: no failure
// here fails the run, the .pte is already verified and uploaded.



const FORK_HELP = "docs/action.md “Comments on fork pull requests” shows a `workflow_run` follow-up that comments from the trusted side";
/**
 * One comment per model, target and GPU: the default artifact name is that key
 * (defaultArtifactName in src/settings/names.ts).
 */
function commentMarker(key) {
    return `<!-- trt-pte:comment key=${key} -->`;
}
async function publishComment(settings, platform, 
/** The comment's body for the pull request it goes on. */
body, env, log, 
/** The comment's key: the artifact name for one model, the call's for a trt-pte.yml's models. */
key = settings.artifactName) {
    if (!settings.comment)
        return { state: "off" };
    const repository = env.GITHUB_REPOSITORY ?? "";
    let payload;
    try {
        payload = readEventPayload(env);
    }
    catch (e) {
        const reason = `the event payload at GITHUB_EVENT_PATH does not read (${errorMessage(e)})`;
        log.warning(`comment: not posted: ${reason}`);
        return { state: "skipped", reason };
    }
    const pr = pullRequestOfEvent(env.GITHUB_EVENT_NAME ?? "", payload, repository);
    if (pr === null) {
        log.info("comment: this run is not for a pull request; nothing to comment on");
        return { state: "skipped", reason: "not a pull request" };
    }
    if (pr.fromFork) {
        const reason = `the pull request comes from a fork, whose token is read-only; ${FORK_HELP}`;
        log.info(`comment: not posted: ${reason}`);
        return { state: "skipped", reason };
    }
    const api = settings.githubToken === "" ? null : platform.issueComments(settings.githubToken);
    if (api === null)
        return { state: "skipped", reason: "no GitHub token (set `github-token`)" };
    const [owner = "", repo = ""] = repository.split("/");
    try {
        const done = await upsertStickyComment(api, { owner, repo, number: pr.number }, commentMarker(key), body(pr.number));
        log.info(`comment: ${done.action} ${done.url}`);
        return { state: done.action, url: done.url };
    }
    catch (e) {
        if (isPermissionError(e)) {
            const reason = `the token may not write comments here (give the job \`pull-requests: write\`; on a fork's pull request ${FORK_HELP})`;
            log.info(`comment: not posted: ${reason}`);
            return { state: "skipped", reason };
        }
        const message = errorMessage(e);
        log.warning(`comment: posting failed, the run goes on: ${message}`);
        return { state: "failed", reason: message };
    }
}

;// CONCATENATED MODULE: ./src/publish/warnings.ts
// What a successful export still wants a person to look at, raised as warning annotations: ops that
// fell back out of TensorRT, an accuracy that passed but only just or could not tell, a .pte that
// did not run itself, and outputs that differ from run to run. And, for a cached .pte, the
// accuracy judged against today's tolerance (the build judged it against the tolerance of its day).

/** An error within this fraction of the tolerance passes, with a warning. */
const NEAR_LIMIT = 0.5;
function exportWarnings(report, settings) {
    const warnings = [];
    if (report.target === "tensorrt") {
        const outside = Object.entries(report.partition)
            .filter(([k, n]) => k !== "TensorRTBackend" && n > 0)
            .map(([k, n]) => `${n} in ${k === "undelegated" ? "ExecuTorch's portable kernels" : k}`);
        const left = Number(report.details.ops_left_to_pytorch ?? 0);
        if (outside.length > 0 || left > 0) {
            const forced = settings.compile.torchExecutedOps.length > 0
                ? ` (torch-executed-ops: ${settings.compile.torchExecutedOps.join(", ")})`
                : "";
            warnings.push(`${left || "some"} ops fell back out of TensorRT${forced}: ${outside.join(", ") || "see the log"}. ` +
                "They run slower than in an engine; `require-full-compilation: true` makes this an error.");
        }
    }
    warnings.push(...runWarnings(report));
    for (const gate of (report.gates ?? []).filter((g) => g.state === "unclear"))
        warnings.push(`${gate.input} ${gate.limit}: ${gate.detail}`);
    const acc = report.accuracy;
    if (acc?.status === "checked" &&
        settings.tolerance !== null &&
        acc.max_rel > NEAR_LIMIT * settings.tolerance &&
        acc.max_rel <= settings.tolerance) {
        warnings.push(`accuracy is near its limit: max relative error ${acc.max_rel.toPrecision(3)} against a tolerance of ${settings.tolerance} ` +
            `(warning above ${NEAR_LIMIT * 100}% of it)`);
    }
    return warnings;
}
/** What running the .pte found: it did not run, it differs between runs, its check could not tell. */
function runWarnings(report) {
    const warnings = [];
    const acc = report.accuracy;
    if (acc?.status === "checked" && acc.uninformative) {
        warnings.push(`the accuracy check could not tell: ${acc.uninformative}. Check the model's weights (an untrained or ` +
            "default-initialised model gives this), or give inputs that make its outputs vary");
    }
    const e = report.execution;
    if (e !== null && !e.pte_ran)
        warnings.push(`the .pte itself did not run before it was published: ${e.reason ?? ""}`);
    for (const flag of report.benchmark?.shape_flags ?? [])
        warnings.push(`latency: ${flag}; the timings of this shape series contradict each other`);
    const d = report.determinism;
    if (d !== null && !d.identical) {
        const by = d.max_abs_diff === null ? "in shape" : `by up to ${d.max_abs_diff.toPrecision(3)}`;
        warnings.push(`${e?.runtime ?? "what ran"} is not deterministic: ${d.runs} runs on one input differ ${by} (${d.where ?? ""}); ` +
            "`fail-on-nondeterminism: true` makes this an error");
    }
    return warnings;
}
/** A cached .pte passed the tolerance it was built with; it must also pass today's. */
function checkCachedAccuracy(report, settings) {
    const acc = report.accuracy;
    if (acc?.status !== "checked" || settings.tolerance === null || acc.max_rel <= settings.tolerance)
        return;
    throw new TrtPteError("accuracy", `accuracy check failed: the cached .pte's max relative error ${acc.max_rel.toPrecision(3)} against eager PyTorch exceeds the tolerance ${settings.tolerance}`, "raise `tolerance` if this is expected, set it to `none` to only report, or use precision fp32");
}

;// CONCATENATED MODULE: ./src/publish/upload.ts
// Uploading one export: the .pte, every .ptd it needs and report.json, each an artifact of its own,
// unzipped (docs/downloads.md “Single-file artifacts”): a link downloads the file itself, and the digest GitHub
// records for each is that file's sha256. The names are the build's (src/settings/names.ts), so no
// two builds of a run meet. The .pte goes last, so its artifact exists only once everything it needs
// does; a failure removes what this build had uploaded.




function plan(artifact, files) {
    return [
        ...files.ptd.map((f) => ({ name: ptdArtifactName(artifact, f.name), file: f.name, sha256: f.sha256 })),
        { name: reportArtifactName(artifact), file: REPORT_FILE, sha256: null },
        { name: pteArtifactName(artifact), file: files.pte.name, sha256: files.pte.sha256 },
    ];
}
/** The artifact names one build uploads, in upload order (the .pte last). */
function artifactNames(artifact, files) {
    return plan(artifact, files).map((p) => p.name);
}
async function uploadExport(settings, store, files) {
    const done = [];
    for (const planned of plan(settings.artifactName, files)) {
        try {
            const uploaded = await store.uploadFile(planned.name, external_node_path_default().join(settings.outputDir, planned.file), {
                retentionDays: settings.retentionDays,
            });
            done.push({ ...uploaded, name: planned.name, file: planned.file });
            const expected = planned.sha256 === null ? null : `sha256:${planned.sha256}`;
            if (expected !== null && uploaded.digest !== undefined && uploaded.digest !== expected) {
                throw new TrtPteError("publish", `uploading artifact '${planned.name}' failed: GitHub recorded ${uploaded.digest}, but verification measured ${expected}`, "the file changed after it was verified (something else writes into the output folder); re-run the job");
            }
        }
        catch (e) {
            await removeAll(store, done);
            if (e instanceof TrtPteError)
                throw e;
            const message = errorMessage(e);
            const taken = /already exists|\(409\)/i.test(message);
            throw new TrtPteError("publish", `uploading artifact '${planned.name}' failed: ${message}`, taken
                ? "artifact names are unique per workflow run: give each call (and each matrix job) its own `artifact-name`"
                : "the .pte is verified and kept in the output folder; re-run the job to upload it");
        }
    }
    // The plan ends with the report and the .pte, and every planned file was uploaded.
    const [report, pte] = done.splice(-2);
    return { pte, ptd: done, report };
}
/** Best effort: a delete that fails leaves an orphan, which the error already explains. */
async function removeAll(store, uploaded) {
    for (const file of uploaded) {
        try {
            await store.remove(file.name);
        }
        catch {
            // The run fails with the upload's own error either way.
        }
    }
}
/** The links the summary and comment show. */
function downloadsOf(published) {
    const link = ({ name, url }) => ({ name, url });
    return { pte: link(published.pte), ptd: published.ptd.map(link), report: link(published.report) };
}

;// CONCATENATED MODULE: ./src/publish/use-it.ts
// The collapsed "Use it" section of the summary and the comments: the exact commands for one build,
// `trt-pte fetch` to download it with every digest checked, and loading its .pte with its .ptd files
// in the runtime its target runs on (docs/downloads.md says why each looks the way it does). Every
// name goes through the format helpers: a shell word, a string literal, inside a fenced block.


const TORCH_DTYPES = {
    float32: "torch.float32",
    float16: "torch.float16",
    bfloat16: "torch.bfloat16",
    float64: "torch.float64",
    int64: "torch.int64",
    int32: "torch.int32",
    int16: "torch.int16",
    int8: "torch.int8",
    uint8: "torch.uint8",
    bool: "torch.bool",
};
const SCALAR_TYPES = {
    float32: "Float",
    float16: "Half",
    bfloat16: "BFloat16",
    float64: "Double",
    int64: "Long",
    int32: "Int",
    int16: "Short",
    int8: "Char",
    uint8: "Byte",
    bool: "Bool",
};
/** What the C++ program is built against, per target. */
const LINK = {
    tensorrt: "// ExecuTorch built with its CUDA backend, linked with Torch-TensorRT's delegate (libexecutorch_trt_backend).",
    cuda: "// ExecuTorch built with its CUDA backend (EXECUTORCH_BUILD_CUDA).",
    xnnpack: "// ExecuTorch built with its XNNPACK backend (EXECUTORCH_BUILD_XNNPACK).",
    portable: "// ExecuTorch with its portable kernels.",
};
/** The shape the build was exported for (each dimension's opt), as numbers. */
function use_it_shape(spec) {
    return spec.dims.map((d) => d.opt);
}
function pythonTensor(spec) {
    const dims = use_it_shape(spec);
    const tuple = dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(", ")})`;
    const dtype = TORCH_DTYPES[spec.dtype] ?? "torch.float32";
    return spec.dtype.startsWith("float") || spec.dtype === "bfloat16"
        ? `torch.rand(${tuple}${dtype === "torch.float32" ? "" : `, dtype=${dtype}`})`
        : `torch.zeros(${tuple}, dtype=${dtype})`;
}
/** Positional inputs in order, then keyword ones: ExecuTorch takes one flat list in forward()'s order. */
function ordered(inputs) {
    return [...inputs.filter((i) => i.name === null), ...inputs.filter((i) => i.name !== null)];
}
function pythonInputs(inputs) {
    if (inputs.length === 0)
        return "inputs = []  # the model's inputs, in forward()'s order";
    const keyword = inputs.some((i) => i.name !== null) ? "  # keyword inputs last, in forward()'s order" : "";
    return `inputs = [${ordered(inputs).map(pythonTensor).join(", ")}]${keyword}`;
}
function atLeast(version, major, minor) {
    const m = /^(\d+)\.(\d+)/.exec(version ?? "");
    return m !== null && (Number(m[1]) > major || (Number(m[1]) === major && Number(m[2]) >= minor));
}
/** ExecuTorch's own Python runtime (CPU targets): one .ptd at most, through the API its release has. */
function executorchPython(use) {
    if (use.ptd.length > 1)
        return null;
    const [ptd] = use.ptd;
    const lines = ["import torch"];
    if (ptd === undefined || atLeast(use.executorch, 1, 5)) {
        // Runtime.load_program takes `data_path` from ExecuTorch 1.5 on.
        const data = ptd === undefined ? "" : `, data_path=${stringLiteral(ptd)}`;
        lines.push("from executorch.runtime import Runtime", "", pythonInputs(use.inputs), `program = Runtime.get().load_program(${stringLiteral(use.pte)}${data})`, 'outputs = program.load_method("forward").execute(inputs)');
    }
    else {
        lines.push("from executorch.extension.pybindings.portable_lib import _load_for_executorch", "", pythonInputs(use.inputs), `module = _load_for_executorch(${stringLiteral(use.pte)}, data_path=${stringLiteral(ptd)})`, 'outputs = module.run_method("forward", tuple(inputs))');
    }
    return lines.join("\n");
}
/**
 * torch-tensorrt-executorch-runtime (target tensorrt): `load()` runs a .pte without data files; with
 * one, the native module activate() returns loads it beside the program (load() would ignore it).
 */
function tensorrtPython(use) {
    if (use.ptd.length > 1)
        return null;
    const [ptd] = use.ptd;
    if (ptd === undefined) {
        return [
            "import torch",
            "from torch_tensorrt_executorch_runtime.runtime import load",
            "",
            pythonInputs(use.inputs),
            `outputs = load(${stringLiteral(use.pte)}).run(inputs)`,
        ].join("\n");
    }
    return [
        "import torch",
        "import torch_tensorrt_executorch_runtime",
        "",
        "# Before anything imports executorch.runtime: it installs the runtime that has TensorRTBackend.",
        "native = torch_tensorrt_executorch_runtime.activate()",
        `program = open(${stringLiteral(use.pte)}, "rb").read()`,
        `data = open(${stringLiteral(ptd)}, "rb").read()`,
        "module = native._load_for_executorch_from_buffer(program, data_map_buffer=data)",
        pythonInputs(use.inputs),
        'outputs = module.run_method("forward", tuple(inputs))',
    ].join("\n");
}
function cppModule(use) {
    const files = use.ptd.length === 0
        ? stringLiteral(use.pte)
        : `${stringLiteral(use.pte)}, std::vector<std::string>{${use.ptd.map(stringLiteral).join(", ")}}`;
    const tensors = ordered(use.inputs).map((spec) => `ones({${use_it_shape(spec).join(", ")}}, ScalarType::${SCALAR_TYPES[spec.dtype] ?? "Float"})`);
    const link = LINK[use.target] ?? "// ExecuTorch with the backends the .pte names.";
    return [
        link,
        "#include <executorch/extension/module/module.h>",
        "#include <executorch/extension/tensor/tensor.h>",
        "",
        "using namespace executorch::extension;",
        "using executorch::aten::ScalarType;",
        "",
        "int main() {",
        `  Module module(${files});`,
        `  std::vector<executorch::runtime::EValue> inputs = {${tensors.join(", ")}};`,
        "  auto outputs = module.forward(inputs);",
        "  return outputs.ok() ? 0 : 1;",
        "}",
    ].join("\n");
}
function use_it_fetchCommand(use) {
    if (use.fetch === null)
        return null;
    const { repository, by, build } = use.fetch;
    const source = "pr" in by ? `--pr ${by.pr}` : `--run ${shellWord(by.run)}`;
    return `trt-pte fetch --repo ${shellWord(repository)} ${source} --model ${shellWord(build)}`;
}
/** The section's markdown: collapsed, so a comment stays short. */
function renderUseIt(use) {
    const parts = [];
    const fetch = use_it_fetchCommand(use);
    if (fetch !== null) {
        parts.push("Download it into this folder, every file checked against GitHub's digests and the build's report:", codeBlock(fetch, "sh"));
    }
    const keep = use.ptd.length === 0 ? "" : ` with ${use.ptd.length === 1 ? "its data file" : "its data files"}`;
    if (isTarget(use.target) && targetSpec(use.target).gpu) {
        const python = use.target === "tensorrt" ? tensorrtPython(use) : null;
        if (python !== null) {
            parts.push(`Run the \`.pte\`${keep} in the Torch-TensorRT ExecuTorch runtime (Python):`, codeBlock(python, "python"));
        }
        parts.push(`${python === null ? "Run" : "Or"} the \`.pte\`${keep} from C++ with ExecuTorch's \`Module\`:`, codeBlock(cppModule(use), "cpp"));
    }
    else {
        const python = executorchPython(use);
        parts.push(...(python === null
            ? [`Run the \`.pte\`${keep} from C++ with ExecuTorch's \`Module\`:`, codeBlock(cppModule(use), "cpp")]
            : [`Run the \`.pte\`${keep} in ExecuTorch's Python runtime:`, codeBlock(python, "python")]));
    }
    return `<details><summary>Use it</summary>\n\n${parts.join("\n\n")}\n\n</details>\n`;
}
/** The section's facts for a report: the names the user will have, and how fetch finds the build. */
function useItOf(report, downloads, repository, by) {
    return {
        fetch: downloads !== null && repository !== "" && by !== null
            ? { repository, by, build: report.artifact_name }
            : null,
        target: report.target,
        pte: downloads?.pte.name ?? report.pte.name,
        ptd: downloads?.ptd.map((p) => p.name) ?? report.ptd.map((p) => p.name),
        executorch: report.versions.executorch ?? null,
        inputs: report.inputs,
    };
}

;// CONCATENATED MODULE: ./src/cache/scope.ts
// Which cache scope a job belongs to, and which scopes it may read, the way GitHub scopes its own
// cache: an entry belongs to the repository and ref that saved it; a job reads its own scope, then
// its base branch's, then the default branch's, and writes only its own. Everything comes from the
// runner's environment and the event payload it wrote (GITHUB_EVENT_PATH), never from the API, so
// the answer is the same offline and cannot be steered by anything a build writes.
//
// Which events may save at all is an allow-list (SAVING_EVENTS): a job of any other event restores
// only, and only from the scopes a pull request may read. GitHub hands `pull_request_target`,
// `issue_comment`, `workflow_run` and most other events the base or default branch's cache rights,
// while what such a job builds may be a pull request's head; a save there would reach the next push
// to that branch as a cache hit.
//
// The CLI has one scope of its own (LOCAL_SCOPE), wherever it runs.



/**
 * The events whose jobs may save, each into its own scope only. Each one's job runs the code of the
 * ref whose scope it writes, or a scope only its own pull request reads:
 * - push: the pushed commit, in that branch's (or tag's) scope;
 * - pull_request: the pull request's merge commit, in `refs/pull/<n>/merge`, which only that pull
 *   request reads (GitHub gives a pull request's token write access to that scope alone);
 * - merge_group: the queued merge, in its own `gh-readonly-queue/...` branch's scope;
 * - release: the released tag, in the tag's scope;
 * - schedule: the default branch's newest commit, in its scope;
 * - workflow_dispatch: the chosen ref, started by someone with write access, in that ref's scope.
 * Every other event restores only. The reusable workflow's venv cache follows the same list
 * (.github/workflows/compile-pte.yml, "Save the Python venv"; test/workflows/ checks they agree).
 */
const SAVING_EVENTS = [
    "push",
    "pull_request",
    "merge_group",
    "release",
    "schedule",
    "workflow_dispatch",
];
const LOCAL_SCOPE = {
    repository: "local",
    ref: "local",
    id: "local@local",
    event: "other",
    baseBranch: null,
    defaultBranch: null,
    branch: null,
    readScopes: [{ repository: "local", ref: "local" }],
    readOnly: null,
};
const HEADS = "refs/heads/";
const scope_PULL_REQUEST_EVENTS = new Set(["pull_request", "pull_request_target"]);
/** `refs/heads/x` → `x`; anything else (a tag, a PR merge ref) → null. */
function branchOfRef(ref) {
    return ref.startsWith(HEADS) && ref.length > HEADS.length ? ref.slice(HEADS.length) : null;
}
function scope_field(obj, ...keys) {
    let value = obj;
    for (const key of keys) {
        if (typeof value !== "object" || value === null)
            return undefined;
        value = value[key];
    }
    return value;
}
function nonEmpty(value) {
    return typeof value === "string" && value !== "" ? value : null;
}
/** A branch name as written in GITHUB_BASE_REF or a payload (bare, or a full `refs/heads/` ref). */
function bareBranch(value) {
    const text = nonEmpty(value);
    if (text === null)
        return null;
    return text.startsWith("refs/") ? branchOfRef(text) : text;
}
/**
 * The pull request a job of another event is about, from its payload: `pull_request` for the
 * pull_request family, `issue` for a comment on a pull request (GitHub marks those with
 * `issue.pull_request`). Null when the payload names none.
 */
function pullRequestNumber(payload) {
    const direct = scope_field(payload, "pull_request", "number");
    if (typeof direct === "number")
        return direct;
    const issue = scope_field(payload, "issue", "number");
    const isPullRequest = scope_field(payload, "issue", "pull_request");
    return typeof issue === "number" && typeof isPullRequest === "object" && isPullRequest !== null
        ? issue
        : null;
}
/** Why a job of `eventName` saves nothing, for the log. */
function readOnlyReason(eventName, ref) {
    const what = eventName === ""
        ? "a job whose event GITHUB_EVENT_NAME does not name"
        : `a job of the ${eventName} event`;
    return (`${what} restores from the caches a pull request may read and saves nothing: ` +
        `GitHub gives such a job the cache rights of ${ref} while what it builds may come from a pull request, ` +
        `so only ${SAVING_EVENTS.join(", ")} jobs save (docs/caching.md "Which events save")`);
}
class ScopeError extends Error {
}
/**
 * The job's scope from the runner's environment and the event payload. Throws ScopeError when a
 * workflow job lacks what every runner sets (GITHUB_REPOSITORY, GITHUB_REF): guessing would mix
 * scopes, which is what scoping is there to stop.
 */
function cacheScopeFromEvent(env, payload) {
    const repository = nonEmpty(env.GITHUB_REPOSITORY);
    const eventName = env.GITHUB_EVENT_NAME ?? "";
    const runnerRef = nonEmpty(env.GITHUB_REF);
    let ref = runnerRef;
    const isPullRequest = scope_PULL_REQUEST_EVENTS.has(eventName);
    if (eventName === "pull_request_target") {
        // pull_request_target runs with GITHUB_REF set to the base branch, yet workflows commonly build
        // the pull request's head there: give it the pull request's own scope, never the base branch's.
        const number = scope_field(payload, "pull_request", "number");
        if (typeof number !== "number") {
            throw new ScopeError("a pull_request_target job's cache scope needs pull_request.number from the event payload at GITHUB_EVENT_PATH, and it has none");
        }
        ref = `refs/pull/${number}/merge`;
    }
    if (repository === null || ref === null) {
        throw new ScopeError(`the job's cache scope needs GITHUB_REPOSITORY and GITHUB_REF, which every GitHub runner sets (got ${JSON.stringify(repository ?? "")} and ${JSON.stringify(ref ?? "")})`);
    }
    const event = isPullRequest ? "pull_request" : eventName === "push" ? "push" : "other";
    const readOnly = SAVING_EVENTS.includes(eventName) ? null : readOnlyReason(eventName, runnerRef ?? ref);
    const baseBranch = isPullRequest
        ? (bareBranch(env.GITHUB_BASE_REF) ?? bareBranch(scope_field(payload, "pull_request", "base", "ref")))
        : // A merge queue's group builds on top of its base branch, like a pull request.
            eventName === "merge_group"
                ? bareBranch(scope_field(payload, "merge_group", "base_ref"))
                : // The pull request a review or review comment is about.
                    readOnly !== null
                        ? bareBranch(scope_field(payload, "pull_request", "base", "ref"))
                        : null;
    const defaultBranch = bareBranch(scope_field(payload, "repository", "default_branch"));
    const branch = isPullRequest ? null : branchOfRef(ref);
    const readScopes = [];
    const add = (r) => {
        if (!readScopes.some((s) => s.ref === r))
            readScopes.push({ repository, ref: r });
    };
    if (readOnly === null) {
        add(ref);
    }
    else {
        // Only what a pull request may read: its own scope, its base branch's, the default branch's.
        // The job's own ref counts only as one of those: for an event like `deployment` or `create`
        // it may be any branch, holding what that branch's pushes built, which no pull request reads.
        const number = pullRequestNumber(payload);
        if (number !== null)
            add(`refs/pull/${number}/merge`);
    }
    if (baseBranch !== null)
        add(`${HEADS}${baseBranch}`);
    if (defaultBranch !== null)
        add(`${HEADS}${defaultBranch}`);
    return {
        repository,
        ref,
        id: scopeId({ repository, ref }),
        event,
        baseBranch,
        defaultBranch,
        branch,
        readScopes,
        readOnly,
    };
}
/**
 * A workflow job's scope, from its environment and the payload file the runner wrote. The CLI uses
 * LOCAL_SCOPE instead, even inside a workflow: its entries are its own.
 */
function workflowCacheScope(env = process.env) {
    return cacheScopeFromEvent(env, readEventPayload(env));
}

;// CONCATENATED MODULE: ./src/cache/select.ts
// Which store holds this run's caches: `cache-dir` when set, else the platform's own (GitHub's
// cache service in a workflow, the user's cache folder on a laptop), or none when `cache: false`.
// A job whose event may not save (src/cache/scope.ts) gets either store read-only.



async function selectCacheStore(settings, platform, log, env) {
    if (!settings.cache.enabled)
        return null;
    return openCacheStore(settings, platform, log, env);
}
/**
 * The store itself, whatever `cache` says: baselines (src/compare/) live in it and do not depend on
 * that input.
 */
async function openCacheStore(settings, platform, log, env, options = {}) {
    // The CLI's entries are its own, even when it runs inside a workflow (cache/scope.ts).
    let scope;
    try {
        scope = platform.inWorkflow ? workflowCacheScope(env) : LOCAL_SCOPE;
    }
    catch (e) {
        if (!(e instanceof ScopeError))
            throw e;
        if (options.quiet !== true)
            log.warning(`cache: every layer is off: ${e.message}`);
        return null;
    }
    const only = options.readOnlyFrom;
    if (platform.inWorkflow && only !== undefined)
        scope = { ...scope, readScopes: scope.readScopes.filter((s) => s.ref === only) };
    const store = await scopedStore(settings, platform, log, scope, options);
    if (store === null || scope.readOnly === null)
        return store;
    if (options.quiet !== true)
        log.info(`cache: ${scope.readOnly}`);
    return readOnlyStore(store);
}
/** The store this job's scope reads and writes, before any read-only wrapping. */
async function scopedStore(settings, platform, log, scope, options) {
    const { cache } = settings;
    const warn = (m) => log.warning(m);
    if (cache.dir !== undefined) {
        return dirCacheStore({
            root: cache.dir,
            workspace: settings.workspace,
            maxBytes: cache.dirMaxBytes,
            scope,
            log: (m) => log.info(m),
            warn,
        });
    }
    const store = await platform.defaultCacheStore({
        workspace: settings.workspace,
        maxBytes: cache.dirMaxBytes,
        scope,
        warn,
    });
    if (store === null && options.quiet !== true) {
        log.warning("cache: no cache service is available to this job (GitHub Enterprise Server without one, or no runtime token); " +
            "every layer is off. Set `cache-dir` on a self-hosted runner, or `cache: false` to say so.");
    }
    return store;
}

;// CONCATENATED MODULE: ./src/cache/cached-export.ts
// A cache hit: the restored folder stands in for an export, after the same verification a fresh
// export gets. Its report.json is read like a result file, against the same shapes
// (src/result-file.ts): the entry's build facts are rendered into this run's summary and comment,
// so they are checked first. Anything wrong with it (a report that does not parse or fit, a file
// that fails the check) turns the hit into a miss: the export runs and the entry is replaced.






/** The entry's report: build facts checked like a result's; the run is only ever read by runOfEntry. */
const CACHED_REPORT = json_shape_object({
    target: json_shape_text(32),
    pte: RESULT_FILE_SHAPE,
    ptd: json_shape_list(RESULT_FILE_SHAPE, 64),
    inputs: result_file_INPUTS,
    partition: PARTITION,
    accuracy: nullable(ACCURACY),
    // Entries saved before report@2 have none of these: "not recorded" (src/report/report.ts currentReport).
    execution: optional(nullable(EXECUTION)),
    determinism: optional(nullable(DETERMINISM)),
    benchmark: optional(nullable(BENCHMARK)),
    memory: optional(nullable(MEMORY)),
    versions: VERSIONS,
    gpu: nullable(json_shape_object({ name: json_shape_text(200), compute_capability: json_shape_text(16), driver_version: json_shape_text(64) })),
    timings: TIMINGS,
    details: DETAILS,
    run: nullable(json(4096, 2)),
});
/** The export result a cached report stands for, so the cached files go through the same checks. */
function resultFromReport(report) {
    return {
        protocol: 1,
        status: "ok",
        driver_version: "",
        target: report.target,
        versions: report.versions,
        files: [report.pte, ...report.ptd],
        partition: report.partition,
        accuracy: report.accuracy ?? undefined,
        inputs: report.inputs,
        details: report.details,
    };
}
async function cached_export_readReport(dir) {
    const file = external_node_path_default().join(dir, REPORT_FILE);
    const stat = await promises_default().lstat(file);
    if (!stat.isFile())
        throw new Error("it is not a regular file");
    if (stat.size > MAX_RESULT_BYTES)
        throw new Error(`it is larger than ${MAX_RESULT_BYTES} bytes`);
    return CACHED_REPORT.read(JSON.parse(await promises_default().readFile(file, "utf8")), "");
}
async function loadCachedExport(outputDir) {
    let report;
    try {
        report = await cached_export_readReport(outputDir);
    }
    catch (e) {
        const why = e instanceof ShapeError ? (e.field === "" ? e.problem : e.message) : e.message;
        return `the cached ${REPORT_FILE} does not read (${why})`;
    }
    try {
        // The cached files are measured like fresh ones: a digest the entry states but the file lacks is a miss.
        const files = await verifyOutput(outputDir, resultFromReport(report));
        // Only the checked fields are there: a cache hit reads the build facts and the run
        // (reportFromEntry, runOfEntry), and takes everything else from this run.
        return { report: report, files };
    }
    catch (e) {
        return `the cached files fail verification (${e.message})`;
    }
}

;// CONCATENATED MODULE: ./src/cache/session.ts
// One run's caching, start to end: the store, the output key, what each layer did (for the report
// and summary). main.ts asks it three questions: is the .pte cached, which build caches wrap the
// export, and save what was built.










class CacheSession {
    store;
    settings;
    pre;
    log;
    env;
    report;
    outputKey = null;
    coverage = null;
    constructor(store, settings, pre, log, env) {
        this.store = store;
        this.settings = settings;
        this.pre = pre;
        this.log = log;
        this.env = env;
        this.report = {
            enabled: true,
            store: store.name,
            hit: false,
            key: null,
            from_run: null,
            hashed_files: null,
            layers: [],
        };
    }
    /** Null when caching is off (`cache: false`) or no store is available. */
    static async open(settings, platform, pre, env = process.env) {
        const store = await selectCacheStore(settings, platform, platform.log, env);
        return store === null ? null : new CacheSession(store, settings, pre, platform.log, env);
    }
    setLayer(status) {
        const at = this.report.layers.findIndex((l) => l.layer === status.layer);
        if (at >= 0)
            this.report.layers[at] = status;
        else
            this.report.layers.push(status);
    }
    /**
     * The verified cached export for this run's key, restored into `into` (the run's staging folder),
     * or null (a miss, or an entry that fails checks).
     */
    async restoreOutput(into) {
        const { key, files, coverage } = await computeOutputKey(this.settings, this.pre, await driverDigest(driverRoot()));
        this.outputKey = key;
        this.coverage = coverage;
        this.report.key = key;
        this.report.hashed_files = { count: files.files, bytes: files.bytes };
        this.log.info(`key ${key} (${files.files} files, ${formatBytes(files.bytes)} hashed)`);
        const status = await restoreOutput(this.store, this.settings, key, this.log, into);
        this.setLayer(status);
        if (status.state !== "hit")
            return null;
        const cached = await loadCachedExport(into);
        if (typeof cached === "string") {
            this.log.warning(`cache: ignoring the cached entry: ${cached}; building again`);
            this.setLayer({ ...status, state: "miss", detail: cached });
            await promises_default().rm(into, { recursive: true, force: true });
            return null;
        }
        this.report.hit = true;
        this.report.from_run = runOfEntry(cached.report.run, this.env);
        this.log.info(`cache hit: ${cached.files.pte.name} was built by run ${this.report.from_run?.run_id ?? "(local)"}; no export needed`);
        return cached;
    }
    /** After a fresh export: warns about imported source files the key did not cover. */
    checkSources(sources) {
        if (this.coverage === null)
            return;
        const uncovered = uncoveredSources(sources, this.coverage);
        if (uncovered.length > 0)
            this.log.warning(uncoveredWarning(uncovered, this.settings.workspace));
    }
    /** TensorRT's own caches around the export (targets whose table row has `build_caches`). */
    buildLayers() {
        return targetSpec(this.settings.target).build_caches
            ? new BuildCacheLayers(this.store, this.settings, this.pre, this.log)
            : null;
    }
    recordBuildLayers(layers) {
        for (const status of layers.statuses)
            this.setLayer(status);
    }
    async saveOutput() {
        if (this.outputKey === null)
            return;
        this.setLayer(await saveOutput(this.store, this.settings, this.outputKey, this.log));
    }
}

;// CONCATENATED MODULE: ./src/compare/base-build.ts
// The base branch's build, timed beside this one in the same job. Its report (the baseline) names
// the output cache entry that holds its .pte (`cache.key`) and the files' digests; the entry is
// restored from the store under the usual scope rules (a pull request reads its base branch's
// entries and never writes them), every file is checked against the digest the baseline recorded,
// and the driver gets the paths (request `base_build`) and times both builds in paired rounds.
// Anything missing or different means no base build: the change is then computed across runs, and
// the reason is said.





/** Where the base build's files are restored to for the export, relative to the workspace. */
const BASE_BUILD_DIR = external_node_path_default().join(".trt-pte", "base-build");
const SHA256 = /^[0-9a-f]{64}$/;
// Output keys are trt-pte's own (src/cache/key.ts): printable, no separators the stores treat specially.
const OUTPUT_KEY = /^trt-pte-out-[A-Za-z0-9._-]{1,400}$/;
function base_build_obj(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
}
/** A plain file name inside the entry (what verify wrote): no folders, no way out. */
function fileOf(value) {
    const f = base_build_obj(value);
    const name = f?.name;
    const sha256 = f?.sha256;
    if (typeof name !== "string" || typeof sha256 !== "string" || !SHA256.test(sha256))
        return null;
    if (name === "" || name === "." || name === ".." || /[/\\\0]/.test(name))
        return null;
    return { name, sha256 };
}
/** The output entry and files a baseline report names, or why it names none. */
function baseEntryOf(baseline) {
    const r = base_build_obj(baseline);
    const key = base_build_obj(r?.cache)?.key;
    if (typeof key !== "string" || !OUTPUT_KEY.test(key))
        return "the base build's report names no output cache entry (it was built with caching off, or before trt-pte recorded one)";
    const pte = fileOf(r?.pte);
    const ptd = Array.isArray(r?.ptd) ? r.ptd.map(fileOf) : [];
    if (pte === null || ptd.some((f) => f === null))
        return "the base build's report does not name its files with their digests";
    return { key, pte, ptd: ptd };
}
/**
 * Restores the base build's files for the driver, or says why not (a string). Never throws: a
 * store problem is a reason like any other.
 */
async function restoreBaseBuild(store, workspace, baseline) {
    const entry = baseEntryOf(baseline);
    if (typeof entry === "string")
        return entry;
    const dir = external_node_path_default().join(workspace, BASE_BUILD_DIR);
    const cleanup = () => promises_default().rm(dir, { recursive: true, force: true });
    try {
        if (!(await restoreOutputEntry(store, workspace, entry.key, dir))) {
            await cleanup();
            return "the base build's output cache entry is gone (evicted or expired)";
        }
        for (const file of [entry.pte, ...entry.ptd]) {
            const at = external_node_path_default().join(dir, file.name);
            const digest = await sha256File(at).catch(() => null);
            if (digest !== file.sha256) {
                await cleanup();
                return `the base build's cache entry holds ${digest === null ? "no" : "a different"} ${file.name} than its report recorded`;
            }
        }
        return {
            request: {
                pte: external_node_path_default().join(dir, entry.pte.name),
                ptd: entry.ptd.map((f) => external_node_path_default().join(dir, f.name)),
                sha256: entry.pte.sha256,
            },
            cleanup,
        };
    }
    catch (e) {
        await cleanup();
        return `restoring the base build's cache entry failed: ${errorMessage(e)}`;
    }
}

;// CONCATENATED MODULE: ./src/compare/history.ts
// A branch's recent builds (run, commit, date, size, built latency per shape with its interval,
// speedup), carried in each push build's report: a build takes its baseline's history, adds the
// baseline itself, and keeps the newest HISTORY_LENGTH. So a push build's baseline holds the
// branch's last builds, chained from one baseline to the next, and nothing has to list the store.
// Entries are read as untrusted data: one that does not look exactly like an entry is dropped,
// never shown.
/** How many earlier builds a report carries. */
const HISTORY_LENGTH = 30;
/** The most entries read from a report before keeping the newest (a hostile file can hold millions). */
const READ_AT_MOST = 200;
const RUN_ID = /^[0-9]{1,20}$/;
const history_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const SHAPES = new Set(["min", "opt", "max"]);
function history_obj(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
}
function positive(value) {
    return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null;
}
function bytes(value) {
    return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : null;
}
function ci(value) {
    if (value === null || value === undefined)
        return null;
    if (!Array.isArray(value) || value.length !== 2)
        return undefined;
    const [low, high] = [positive(value[0]), positive(value[1])];
    return low === null || high === null || low > high ? undefined : [low, high];
}
function point(value) {
    const p = history_obj(value);
    const builtMs = positive(p?.built_ms);
    const interval = ci(p?.built_ci);
    if (p === null || typeof p.shape !== "string" || !SHAPES.has(p.shape) || builtMs === null)
        return null;
    if (interval === undefined)
        return null;
    const speedup = p.speedup === null ? null : positive(p.speedup);
    if (speedup === null && p.speedup !== null)
        return null;
    return { shape: p.shape, built_ms: builtMs, built_ci: interval, speedup };
}
/** One entry exactly as HistoryEntry says, or null: malformed entries are dropped, never rendered. */
function history_readEntry(value) {
    const e = history_obj(value);
    if (e === null)
        return null;
    const runId = e.run_id === null ? null : typeof e.run_id === "string" && RUN_ID.test(e.run_id) ? e.run_id : undefined;
    const sha = typeof e.sha === "string" && (e.sha === "" || history_SHA.test(e.sha)) ? e.sha : null;
    const date = typeof e.date === "string" && DATE.test(e.date) ? e.date : null;
    const [pte, ptd] = [bytes(e.pte_bytes), bytes(e.ptd_bytes)];
    if (runId === undefined || sha === null || date === null || pte === null || ptd === null)
        return null;
    if (!Array.isArray(e.points) || e.points.length > SHAPES.size)
        return null;
    const points = e.points.map(point);
    if (points.some((p) => p === null))
        return null;
    return { run_id: runId, sha, date, pte_bytes: pte, ptd_bytes: ptd, points: points };
}
/** The well-formed entries of a history, oldest first, at most HISTORY_LENGTH. */
function readHistory(value) {
    if (!Array.isArray(value))
        return [];
    const entries = value
        .slice(-READ_AT_MOST)
        .map(history_readEntry)
        .filter((e) => e !== null);
    return entries.slice(-HISTORY_LENGTH);
}
/** A build's own entry, from its report.json (this schema or newer); null when it lacks what one needs. */
function entryOf(report) {
    const r = history_obj(report) ?? {};
    const run = history_obj(r.run);
    const benchmark = history_obj(r.benchmark);
    const points = (Array.isArray(benchmark?.points) ? benchmark.points : []).slice(0, SHAPES.size).map((p) => {
        const q = history_obj(p) ?? {};
        const built = history_obj(q.built) ?? {};
        return {
            shape: q.shape,
            built_ms: built.median_ms,
            built_ci: built.median_ci ?? null,
            speedup: q.speedup ?? null,
        };
    });
    const ptd = Array.isArray(r.ptd) ? r.ptd.map((f) => bytes(history_obj(f)?.bytes)) : [];
    return history_readEntry({
        run_id: typeof run?.run_id === "string" ? run.run_id : null,
        sha: typeof run?.sha === "string" ? run.sha : "",
        date: r.date,
        pte_bytes: history_obj(r.pte)?.bytes,
        ptd_bytes: ptd.some((b) => b === null) ? null : ptd.reduce((a, b) => a + (b ?? 0), 0),
        // A point that does not read as one is left out; the entry keeps the others.
        points: points.filter((p) => point(p) !== null),
    });
}
/** This build's history: its baseline's history, then the baseline itself, the newest HISTORY_LENGTH. */
function chainHistory(baseline) {
    if (baseline === null || baseline === undefined)
        return [];
    const earlier = readHistory(history_obj(baseline)?.history);
    const own = entryOf(baseline);
    return [...earlier, ...(own === null ? [] : [own])].slice(-HISTORY_LENGTH);
}

;// CONCATENATED MODULE: ./src/compare/refs.ts
// Which branch this run's baseline belongs to, and which branch it compares with, from the job's
// cache scope (src/cache/scope.ts: the runner's environment and event payload, never the API or a
// downloaded file). A push to a branch records a baseline and compares with that branch's previous
// one; a pull request (or merge-queue group) reads its base branch's; anything else reads its own
// branch's or the default branch's and records nothing. Outside a workflow there is no branch.
//
// A branch's baselines lie in its own scope (`refs/heads/<branch>`), where only pushes to it save
// them: that scope is the only one a baseline is read from (src/cache/select.ts `readOnlyFrom`).
// GitHub's cache service cannot be told so; it reads the job's own scope first, which the code a
// pull request builds can save into, so there the comparison is advisory (`shadowable`).

const NONE = { saveBranch: null, baseBranch: null, baseScope: null, shadowable: false };
function compareRefs(env) {
    if (!env.GITHUB_REPOSITORY || !env.GITHUB_REF)
        return NONE;
    let scope;
    try {
        scope = workflowCacheScope(env);
    }
    catch (e) {
        if (e instanceof ScopeError)
            return NONE;
        throw e;
    }
    const saveBranch = scope.event === "push" ? scope.branch : null;
    const baseBranch = scope.event === "pull_request"
        ? (scope.baseBranch ?? scope.defaultBranch)
        : (scope.baseBranch ?? scope.branch ?? scope.defaultBranch);
    const baseScope = baseBranch === null ? null : `refs/heads/${baseBranch}`;
    const shadowable = baseScope !== null && (scope.readOnly !== null || scope.ref !== baseScope);
    return { saveBranch, baseBranch, baseScope, shadowable };
}

;// CONCATENATED MODULE: ./src/compare/session.ts
// One run's comparison, start to end: find the baseline (the CLI's `--baseline` file, or the newest
// baseline of the branch this run compares with, in the caches' store), restore the base build's
// .pte for the driver to time beside this one (before the export), diff, judge the gates, carry
// the branch's history on, and on a push record this run's report as its branch's baseline. A
// store problem is a warning and a note, never a failed run; only a tripped gate fails it, and
// main.ts does that last.












/**
 * Which build the baseline is; its run's link is rebuilt from the numeric run ID, never read. From
 * the store, the branch is the one trt-pte looked in and the run is the key's; the report inside
 * the entry names neither. A file names its own (its `run.ref`, else the file's name).
 */
function baselineRef(found, file, env) {
    const r = (typeof found.report === "object" && found.report !== null ? found.report : {});
    const run = (r.run ?? null);
    const pte = (r.pte ?? {});
    let ref;
    let runId;
    if (found.from === "store") {
        ref = found.branch;
        runId = baselineRunId(found.key);
    }
    else {
        const branch = typeof run?.ref === "string" ? run.ref.replace(/^refs\/heads\//, "") : "";
        ref = branch !== "" ? branch : external_node_path_default().basename(file);
        runId = typeof run?.run_id === "string" && /^[0-9]+$/.test(run.run_id) ? run.run_id : null;
    }
    return {
        ref,
        run: runId === null ? null : { run_id: runId, url: run_links_runUrl(runLinks(env, runId)) },
        pte_sha256: typeof pte.sha256 === "string" ? pte.sha256 : "",
        schema: typeof r.schema === "string" ? r.schema : "unknown",
    };
}
/**
 * Why a baseline from `store` could be another ref's, in words for the summary; null when it can
 * only be the branch's own. GitHub's cache service reads the job's own scope before the base
 * branch's, and the code a pull request builds can save there (its process can reach the runner's
 * cache token), so a baseline it planted would be read first; a folder store reads only the branch's.
 */
function advisoryNote(store, refs, branch) {
    if (store.scoping !== "service" || !refs.shadowable)
        return null;
    return (`Advisory: ${store.name} reads this job's own cache scope before ${format_code(branch)}'s, and the code this job builds can save into it, ` +
        `so this baseline may not be ${format_code(branch)}'s build and the gates compare with it as found (docs/security.md, *Baselines*).`);
}
class CompareSession {
    settings;
    log;
    refs;
    store;
    cacheStore;
    artifact;
    env;
    found = null;
    /** Why the base build was not handed to the driver (our own words), once that was tried. */
    baseBuildNote = null;
    constructor(settings, log, refs, store, cacheStore, artifact, env) {
        this.settings = settings;
        this.log = log;
        this.refs = refs;
        this.store = store;
        this.cacheStore = cacheStore;
        this.artifact = artifact;
        this.env = env;
    }
    /** Null when comparison is off. The store is the caches' own, opened whatever `cache` says. */
    static async open(settings, platform, gpu, env) {
        if (!settings.compare.enabled)
            return null;
        const refs = compareRefs(env);
        const artifact = artifactKey(settings, gpu);
        // The CLI's --baseline file stands in for the baseline store; a run outside GitHub has no
        // branch to read. The store still holds the base build's .pte (a local run's own entries).
        const fromFile = settings.compare.baselineFile !== undefined;
        if (!fromFile && refs.baseBranch === null && refs.saveBranch === null)
            return null;
        // The base branch's scope only, for the baseline and the base build's .pte alike.
        const store = await openCacheStore(settings, platform, platform.log, env, {
            quiet: true,
            readOnlyFrom: refs.baseScope ?? undefined,
        });
        return new CompareSession(settings, platform.log, refs, store === null || fromFile ? null : new BaselineStore(store, settings.workspace, artifact), store, artifact, env);
    }
    baseline() {
        this.found ??= this.findBaseline();
        return this.found;
    }
    /**
     * Before a fresh export: the baseline's own .pte, restored and checked, for the driver to time
     * beside this build; null (and the reason kept for the report) when there is none to time.
     */
    async restoreBaseBuild() {
        const found = await this.baseline();
        if ("note" in found)
            return null;
        const restored = this.cacheStore === null
            ? "no cache store is reachable to hold the base build's .pte"
            : await restoreBaseBuild(this.cacheStore, this.settings.workspace, found.report);
        if (typeof restored === "string") {
            this.baseBuildNote = restored;
            this.log.info(`compare: the base build is not timed beside this one (${restored}); latency compares across runs`);
            return null;
        }
        this.log.info(`compare: timing the base build's .pte (sha256 ${restored.request.sha256.slice(0, 12)}) beside this one`);
        return restored;
    }
    /** How the latency was compared, in words for the summary (null when nothing was timed). */
    latencyHow(report, diff) {
        if (diff.latency.length === 0)
            return null;
        const sameJob = diff.latency.find((p) => p.built_change?.how === "same_job");
        if (sameJob !== undefined)
            return `Latency: the base build's .pte was timed beside this build in one job, in paired rounds${report.cache.hit ? ", by the run that built this .pte" : ""}.`;
        const base = report.benchmark?.base;
        const why = base?.status === "skipped"
            ? `the base build's .pte was not timed beside this build: ${format_code(base.reason ?? "")}`
            : report.cache.hit
                ? "this .pte came from the cache, so this job timed nothing"
                : this.baseBuildNote !== null
                    ? format_code(this.baseBuildNote)
                    : "the base build's .pte was not timed beside this build";
        return `Latency across runs (each report's own 95% intervals; runs on other machines or at other times differ by more): ${why}.`;
    }
    /** Compares `report` with the baseline; never throws for a missing or unreadable baseline. */
    async compare(report) {
        const found = await this.baseline();
        if ("note" in found) {
            return {
                comparison: { state: found.state, base_ref: this.refs.baseBranch, note: found.note, saved: null },
                baseline: null,
                diff: null,
                gates: judgeGates(this.settings.compare.gates, null),
                baselineReport: null,
                history: [],
            };
        }
        const diff = diffFacts(reportFacts(found.report), reportFacts(report));
        const baseline = baselineRef(found, this.settings.compare.baselineFile ?? "baseline", this.env);
        return {
            comparison: {
                state: "compared",
                base_ref: baseline.ref,
                note: null,
                saved: null,
                latency: this.latencyHow(report, diff),
                ...(found.from === "store" && found.advisory !== null ? { advisory: found.advisory } : {}),
            },
            baseline,
            diff,
            gates: judgeGates(this.settings.compare.gates, diff),
            baselineReport: found.report,
            history: chainHistory(found.report),
        };
    }
    async findBaseline() {
        const file = this.settings.compare.baselineFile;
        if (file !== undefined) {
            try {
                return { report: JSON.parse(await promises_default().readFile(file, "utf8")), from: "file" };
            }
            catch (e) {
                this.log.warning(`compare: cannot read the baseline ${file}: ${e.message}`);
                return { state: "unavailable", note: `The baseline ${file} could not be read.` };
            }
        }
        const branch = this.refs.baseBranch;
        if (branch === null)
            return { state: "no_baseline", note: "No branch to compare with (not a push or pull request build)." };
        if (this.store === null)
            return {
                state: "unavailable",
                note: `No cache store is reachable to hold baselines, so there is no build of ${branch} to compare with.`,
            };
        try {
            const restored = await this.store.restore(this.artifact, branch);
            if (restored === null)
                return { state: "no_baseline", note: `No build of ${branch} to compare with yet.` };
            this.log.info(`compare: baseline ${restored.key} from ${this.store.name}`);
            const advisory = advisoryNote(this.store, this.refs, branch);
            if (advisory !== null)
                this.log.info(`compare: ${advisory}`);
            return { report: restored.report, from: "store", branch, key: restored.key, advisory };
        }
        catch (e) {
            this.log.warning(`compare: reading the baseline of ${branch} failed, comparing with nothing: ${e.message}`);
            return { state: "unavailable", note: `The baseline of ${branch} could not be read.` };
        }
    }
    /** On a push to a branch: records `reportFile` as that branch's newest baseline. */
    async record(reportFile) {
        const branch = this.refs.saveBranch;
        if (branch === null || this.store === null || this.settings.compare.baselineFile !== undefined)
            return null;
        const key = baselineKey(this.artifact, branch, this.env.GITHUB_RUN_ID ?? "local", this.env.GITHUB_RUN_ATTEMPT ?? "1");
        try {
            const saved = await this.store.save(key, reportFile);
            this.log.info(`compare: baseline ${key}: ${saved}`);
            // Only a push records one, and a push may save (src/cache/scope.ts): "skipped" is belt and braces.
            return saved === "skipped" ? null : saved;
        }
        catch (e) {
            this.log.warning(`compare: saving this build as the baseline of ${branch} failed: ${e.message}`);
            return "error";
        }
    }
}

;// CONCATENATED MODULE: ./src/compare/history-chart.ts
// The branch's history with this build as the last point, as Mermaid `xychart-beta` charts that
// GitHub renders: the built latency at one shape (the median, and its 95% interval's bounds when
// every build has one), and the .pte + .ptd size when it changed. Labels are the commits' short
// hashes (or run numbers); the entries were checked by src/compare/history.ts, and every label
// still goes through the escaping helper.

/** A number as Mermaid's chart grammar takes it: plain decimal, no exponent. */
function history_chart_plain(x) {
    const text = String(Number(x.toPrecision(4)));
    return /e/i.test(text) ? x.toFixed(9).replace(/\.?0+$/, "") : text;
}
/** A build's axis label: its short commit, or its run where commits repeat (re-runs, cache hits). */
function history_chart_label(entry, all) {
    const unique = entry.sha !== "" && all.filter((e) => e.sha === entry.sha).length === 1;
    if (unique || (entry.sha !== "" && entry.run_id === null))
        return entry.sha.slice(0, 7);
    return entry.run_id === null ? entry.date.slice(0, 10) : `run ${entry.run_id}`;
}
function axis(labels) {
    return `[${labels.map((l) => `"${mermaidText(l, 24)}"`).join(", ")}]`;
}
/** The shape the chart follows: `opt` when this build has it, else its first. */
function chartShape(current) {
    return current.points.find((p) => p.shape === "opt")?.shape ?? current.points[0]?.shape ?? null;
}
/**
 * Mermaid chart texts (without fences) over `history` and `current` (this build, the last
 * point). `currentLabel` names it on the axis ("this PR", "this build").
 */
function historyCharts(history, current, currentLabel = "this build") {
    if (current === null || history.length === 0)
        return { latency: "", size: "" };
    const all = [...history, current];
    const labelOf = (e) => (e === current ? currentLabel : history_chart_label(e, history));
    let latency = "";
    const shape = chartShape(current);
    const timed = shape === null
        ? []
        : all.flatMap((e) => e.points.filter((p) => p.shape === shape).map((p) => ({ e, p })));
    if (shape !== null && timed.length >= 2) {
        const lines = [
            "xychart-beta",
            `  title "${mermaidText(`Built latency at ${shape}, ms`)}"`,
            `  x-axis ${axis(timed.map(({ e }) => labelOf(e)))}`,
            `  y-axis "${mermaidText("median ms")}"`,
            `  line [${timed.map(({ p }) => history_chart_plain(p.built_ms)).join(", ")}]`,
        ];
        const bounds = timed.flatMap(({ p }) => (p.built_ci === null ? [] : [p.built_ci]));
        if (bounds.length === timed.length) {
            lines.push(`  line [${bounds.map((b) => history_chart_plain(b[0])).join(", ")}]`);
            lines.push(`  line [${bounds.map((b) => history_chart_plain(b[1])).join(", ")}]`);
        }
        latency = `${lines.join("\n")}\n`;
    }
    const sizes = all.map((e) => e.pte_bytes + e.ptd_bytes);
    let size = "";
    if (new Set(sizes).size > 1) {
        const kib = Math.max(...sizes) < 10 * 1024 * 1024;
        const scale = kib ? 1024 : 1024 * 1024;
        size = `${[
            "xychart-beta",
            `  title "${mermaidText(`.pte + .ptd, ${kib ? "KiB" : "MiB"}`)}"`,
            `  x-axis ${axis(all.map(labelOf))}`,
            `  y-axis "${kib ? "KiB" : "MiB"}"`,
            `  bar [${sizes.map((b) => history_chart_plain(b / scale)).join(", ")}]`,
        ].join("\n")}\n`;
    }
    return { latency, size };
}
/** The charts as markdown with a one-line key, or "" when there is nothing to draw. */
function historyMarkdown(history, current, currentLabel = "this build") {
    const charts = historyCharts(history, current, currentLabel);
    const parts = [];
    if (charts.latency !== "") {
        const bounds = charts.latency.split("\n").filter((l) => l.trim().startsWith("line")).length > 1;
        parts.push(`\`\`\`mermaid\n${charts.latency}\`\`\``, `The last ${history.length} builds of the branch, then ${currentLabel}: the built median` +
            `${bounds ? " and its 95% interval's bounds" : ""} (each build timed in its own run).`);
    }
    if (charts.size !== "")
        parts.push(`\`\`\`mermaid\n${charts.size}\`\`\``);
    return parts.length === 0 ? "" : `${parts.join("\n\n")}\n`;
}

;// CONCATENATED MODULE: ./src/output-folder.ts
// The model's output folder and what lives beside it, in one place: the staging folder a run builds
// (or restores from the cache) into, the previous build kept until the run has succeeded, the run's
// whole log, and the files of a build that failed after writing its .pte. A run that fails at any
// stage leaves the last good output where it was (docs/troubleshooting.md “Nothing is lost”).

function outputPaths(outputDir, pid = process.pid) {
    return {
        final: outputDir,
        staging: `${outputDir}.staging-${pid}`,
        previous: `${outputDir}.previous-${pid}`,
        log: `${outputDir}.log`,
        failed: `${outputDir}.failed`,
    };
}
async function exists(p) {
    return promises_default().stat(p).then(() => true, () => false);
}
/**
 * One run's hold on the output folder: `promote` swaps the staged build in and keeps the one it
 * replaces; `commit` drops that once the run has succeeded, `rollback` puts it back after a failure.
 */
class OutputSwap {
    paths;
    promoted = false;
    kept = false;
    constructor(paths) {
        this.paths = paths;
    }
    /** A fresh, empty staging folder. */
    async stage() {
        await promises_default().rm(this.paths.staging, { recursive: true, force: true });
        await promises_default().mkdir(this.paths.staging, { recursive: true });
        return this.paths.staging;
    }
    /** Moves the staged build into place; the folder it replaces waits beside it. */
    async promote() {
        await promises_default().rm(this.paths.previous, { recursive: true, force: true });
        if (await exists(this.paths.final)) {
            await promises_default().rename(this.paths.final, this.paths.previous);
            this.kept = true;
        }
        await promises_default().rename(this.paths.staging, this.paths.final);
        this.promoted = true;
    }
    /** The run succeeded: the replaced build and a stale failed one go. */
    async commit() {
        await promises_default().rm(this.paths.previous, { recursive: true, force: true });
        await promises_default().rm(this.paths.failed, { recursive: true, force: true });
        this.kept = false;
    }
    /** The run failed: whatever it staged goes, and the output folder is what it was before. */
    async rollback() {
        await promises_default().rm(this.paths.staging, { recursive: true, force: true });
        if (!this.promoted)
            return;
        await promises_default().rm(this.paths.final, { recursive: true, force: true });
        if (this.kept)
            await promises_default().rename(this.paths.previous, this.paths.final);
        this.promoted = false;
        this.kept = false;
    }
}
/**
 * Writes a file of trt-pte's own (the log, the summary's markdown) where the model's process could have put
 * something first: whatever is at the path goes, and the new file is created, never followed through
 * a link the model left there.
 */
async function writeOwnFile(file, text) {
    await promises_default().rm(file, { force: true, recursive: true });
    await promises_default().writeFile(file, text, { flag: "wx" });
}

;// CONCATENATED MODULE: ./src/run-log.ts
// The run's whole log, kept for its log file beside the output folder (src/output-folder.ts): every
// line the pipeline logs, and the third-party lines the job log and terminal fold away, in the order
// they came. The platform's log still gets everything it got before.




// A model that prints without end must not take the runner's memory with it.
const MAX_CHARS = 64 * 1024 * 1024;
function run_log_at(where) {
    if (where === undefined)
        return "";
    return where.line === undefined ? `${where.file}: ` : `${where.file}:${where.line}: `;
}
class RunLog {
    log;
    lines = [];
    chars = 0;
    dropped = 0;
    constructor(inner) {
        this.log = {
            info: (message) => {
                this.record(message);
                inner.info(message);
            },
            warning: (message, where) => {
                this.record(`warning: ${run_log_at(where)}${message}`);
                inner.warning(message, where);
            },
            error: (message, where) => {
                this.record(`error: ${run_log_at(where)}${message}`);
                inner.error(message, where);
            },
            group: (title, fn) => {
                this.record(`▸ ${title}`);
                return inner.group(title, fn);
            },
            verbatim: (fn) => inner.verbatim(fn),
            // The folded lines are in the file already, each where it came (`record`).
            aside: (summary, lines) => inner.aside(summary, lines),
        };
    }
    /** A line for the file only: third-party output the job log folds. */
    record(line) {
        if (this.chars + line.length > MAX_CHARS) {
            this.dropped++;
            return;
        }
        this.chars += line.length + 1;
        this.lines.push(line);
    }
    /** Writes the log file; a failed run's error ends it, as the entry point prints it. */
    async write(file, failure) {
        const tail = [];
        if (this.dropped > 0)
            tail.push(`… ${this.dropped} more lines were not kept (the log passed 64 MiB)`);
        if (failure !== undefined) {
            tail.push(`error: ${run_log_at(failure instanceof TrtPteError ? failure.location : undefined)}${describeError(failure)}`);
        }
        await promises_default().mkdir(external_node_path_default().dirname(file), { recursive: true });
        await writeOwnFile(file, `${[...this.lines, ...tail].join("\n")}\n`);
    }
}

;// CONCATENATED MODULE: ./src/util/noise.ts
// Lines the driver's libraries print that a user cannot act on: they are folded out of the job log
// and the terminal (one collapsed group, one counted line) and kept whole in the run's log file. The
// list is narrow on purpose: each entry is a message seen on the supported stack, named by where it
// comes from; anything else, the model's own prints and every error included, is shown.
// Python's warnings module prints `file.py:LINE: SomeWarning: text`, then the source line indented.
const PYTHON_WARNING = /^(\/\S+\.py):\d+: [A-Z]\w*Warning: /;
const SOURCES = [
    {
        // torchao (pulled in by executorch) tries its optional CUDA kernels on import and says so per file:
        // `Failed to load …/torchao/_C_mxfp8.cpython-310-x86_64-linux-gnu.so: Could not load this library`.
        label: "torchao",
        matches: (line) => /^Failed to load \S*\/torchao\/\S+\.so\b/.test(line),
    },
    {
        // A warning raised in a library or the standard library (`copyreg.py: FutureWarning:
        // isinstance(treespec, LeafSpec) is deprecated`, nine times per export); one in the user's own
        // files is theirs to act on and stays.
        label: "Python warnings from libraries",
        matches: (line, workspace) => {
            const file = PYTHON_WARNING.exec(line)?.[1];
            return file !== undefined && !file.startsWith(`${workspace.replace(/\/+$/, "")}/`);
        },
    },
    {
        // torch's own logging (torch._logging, glog style): `W1204 16:04:22.602000 12706 torch/utils/_pytree.py:630] …`,
        // and fake_tensor's `E…` lines, which repeat an error the driver reports itself.
        label: "torch logging",
        matches: (line) => /^[IWE]\d{4} \d\d:\d\d:\d\d\.\d+ +\d+ \S*torch\/\S+:\d+\] /.test(line),
    },
    {
        // ExecuTorch's CPU runtime probing the machine: `[cpuinfo_utils.cpp:71] Reading file …`,
        // `[threadpool.cpp:66] Resetting threadpool to 2 threads.` (its errors have another form and stay).
        label: "ExecuTorch cpuinfo and threadpool",
        matches: (line) => /^\[(cpuinfo_utils|threadpool)\.cpp:\d+\] /.test(line),
    },
];
/** Sorts the driver's lines into shown and folded, and counts the folded ones by source. */
class NoiseFilter {
    workspace;
    counts = new Map();
    folded = [];
    /** The last line was a folded Python warning: its indented source line follows. */
    inWarning = false;
    constructor(workspace) {
        this.workspace = workspace;
    }
    /** True when `line` is noise (it is then kept here, not shown). */
    fold(line) {
        if (this.inWarning && line.startsWith("  ")) {
            this.inWarning = false;
            this.folded.push(line);
            return true;
        }
        this.inWarning = false;
        const source = SOURCES.find((s) => s.matches(line, this.workspace));
        if (source === undefined)
            return false;
        this.inWarning = PYTHON_WARNING.test(line);
        this.counts.set(source.label, (this.counts.get(source.label) ?? 0) + 1);
        this.folded.push(line);
        return true;
    }
    get lines() {
        return this.folded;
    }
    /** `27 lines of third-party messages (torchao ×2, Python warnings from libraries ×9, …)`, or null. */
    summary() {
        if (this.folded.length === 0)
            return null;
        const by = [...this.counts].map(([label, n]) => `${label} ×${n}`).join(", ");
        return `${this.folded.length} line${this.folded.length === 1 ? "" : "s"} of third-party messages (${by})`;
    }
}

;// CONCATENATED MODULE: ./src/main.ts
// The pipeline: preflight → cache restore → export → verify → cache save → publish. Each stage is a
// module of its own; this file orders them, times them, and keeps half-made output from ever
// being published.





























async function writeReport(dir, report) {
    await promises_default().writeFile(external_node_path_default().join(dir, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
}
/** The folders of the workspace trt-pte deletes and writes besides the output folder. */
const OWN_FOLDERS = [".trt-pte", TIMING_CACHE_DIR, ENGINE_CACHE_DIR, OUTPUT_STAGE_DIR, BASELINE_DIR];
/**
 * Refuses to go on when the output folder, `.trt-pte` or a cache folder is (or passes through) a
 * link leading out of the workspace and the runner's temp dir: checked before the first delete, and
 * again after the export, whose model code may have made one.
 */
function checkFolders(settings) {
    const ctx = { workspace: settings.workspace, allowedRoots: settings.allowedRoots };
    checkLinks("output-dir", settings.outputDir, ctx);
    for (const folder of OWN_FOLDERS)
        checkLinks(folder, external_node_path_default().join(settings.workspace, folder), ctx);
}
/** Export into the staging folder, verify, and move it into place; TensorRT's caches wrap the export. */
async function buildFresh(run, pre, caches, baseBuild) {
    const { settings, stage, swap } = run;
    const { log } = run.platform;
    const buildLayers = caches?.buildLayers() ?? null;
    if (buildLayers)
        await stage("cache_restore_build", "Restore TensorRT caches", () => buildLayers.restore());
    const staging = await swap.stage();
    const noise = new NoiseFilter(settings.workspace);
    const fold = (line) => {
        if (!noise.fold(line))
            return false;
        run.record.record(line);
        return true;
    };
    let result;
    let files;
    try {
        try {
            result = await stage("export", `Export ${settings.model} → ${settings.target}`, () => runExport(settings, staging, log, buildLayers?.paths(), baseBuild, fold));
        }
        finally {
            const folded = noise.summary();
            if (folded !== null)
                log.aside(`${folded}, whole in ${swap.paths.log}`, noise.lines);
        }
        checkFolders(settings);
        caches?.checkSources(result.sources ?? []);
        const exported = result;
        files = await stage("verify", "Verify", async () => {
            const verified = await verifyOutput(staging, exported, settings.target, log);
            await checkExecution(exported.execution, settings.target, {
                distributions: pre.distributions,
                runner: settings.runner,
            });
            log.info(`${verified.pte.name}: ${formatBytes(verified.pte.bytes)}, sha256 ${verified.pte.sha256}`);
            return verified;
        });
    }
    catch (error) {
        // A .pte that was written but failed is kept beside the log, and says what it fixed; keeping it
        // must never hide the failure itself.
        const failed = error instanceof ExportFailure ? error.result : result;
        throw await keepFailedBuild(staging, swap.paths.failed, error, failed?.inputs ?? settings.inputs).catch(() => error);
    }
    const report = buildReport(settings, pre, result, files, run.env);
    await writeReport(staging, report);
    await swap.promote();
    if (buildLayers) {
        await stage("cache_save_build", "Save TensorRT caches", () => buildLayers.save());
        caches?.recordBuildLayers(buildLayers);
    }
    return { report, files };
}
/**
 * The "Use it" section: the comment names its pull request (it shows that PR's newest build), the
 * summary its run.
 */
function useItSection(built, env, where, pr) {
    const runId = env.GITHUB_RUN_ID ?? "";
    const by = where === "comment" && pr !== undefined ? { pr } : /^[0-9]+$/.test(runId) ? { run: runId } : null;
    return renderUseIt(useItOf(built.outcome.report, built.downloads, env.GITHUB_REPOSITORY ?? "", by));
}
/**
 * The one model of a call: built and published with its own comment, summary and outputs. A tripped
 * gate ends the run after all of that.
 */
async function runPipeline(given, platform, env = process.env) {
    const built = await buildModel(given, platform, env);
    const { settings, outcome, downloads, extras } = built;
    const { report } = outcome;
    const logged = { ...platform, log: built.log };
    try {
        const comment = await publishComment(settings, logged, (pr) => renderComment(report, downloads, { ...extras, useIt: useItSection(built, env, "comment", pr) }), env, built.log);
        const summaryExtras = { ...extras, useIt: useItSection(built, env, "summary") };
        const markdown = renderSummary(report, downloads, comment, summaryExtras);
        await writeOwnFile(external_node_path_default().join(settings.outputDir, SUMMARY_FILE), markdown);
        await platform.writeSummary({
            markdown,
            text: renderSummaryText(report, downloads, comment, summaryExtras),
        });
        setOutputs(platform, outcome);
        platform.setOutput("builds", JSON.stringify([buildEntry(settings, outcome, null)]));
    }
    catch (error) {
        await built.finish(error);
        throw error;
    }
    await built.finish(null);
    const regression = regressionError(report);
    if (regression !== null)
        throw regression;
    return outcome;
}
/**
 * Everything of one model up to its comment, summary and outputs, which the caller renders, then
 * `finish`es. A model that fails at any stage leaves its last good output where it was
 * (src/output-folder.ts), and its whole log beside it.
 */
async function buildModel(given, platform, env = process.env) {
    const record = new RunLog(platform.log);
    // The output folder is known once preflight has named the GPU (a default artifact name has it).
    const held = {
        paths: outputPaths(given.outputDir),
        swap: null,
        artifacts: [],
    };
    const finish = async (error) => {
        if (error === null) {
            await held.swap?.commit();
            await platform.artifacts.settle?.(true, held.artifacts);
        }
        else {
            await held.swap?.rollback();
            await platform.artifacts.settle?.(false, held.artifacts);
        }
        await record.write(held.paths.log, error ?? undefined).catch((e) => {
            platform.log.warning(`the run's log file ${held.paths.log} could not be written: ${errorMessage(e)}`);
        });
    };
    try {
        const built = await buildStages(given, { ...platform, log: record.log }, env, record, held);
        return { ...built, log: record.log, finish };
    }
    catch (error) {
        await finish(error);
        throw error;
    }
}
async function buildStages(given, platform, env, record, held) {
    const { log } = platform;
    const seconds = {};
    const stage = async (name, title, fn) => {
        const started = performance.now();
        try {
            return await log.group(title, fn);
        }
        finally {
            seconds[name] = Math.round(performance.now() - started) / 1000;
        }
    };
    if (given.upload)
        platform.artifacts.prepare?.();
    const pre = await stage("preflight", "Preflight", () => preflight(given, log));
    const settings = withGpuName(given, pre.gpus[0]?.name);
    checkFolders(settings);
    held.paths = outputPaths(settings.outputDir);
    const swap = new OutputSwap(held.paths);
    held.swap = swap;
    const run = { settings, platform, stage, swap, record, env };
    const caches = await CacheSession.open(settings, platform, pre, env);
    const cached = caches
        ? await stage("cache_restore", "Restore cached .pte", async () => caches.restoreOutput(await swap.stage()))
        : null;
    const comparer = await CompareSession.open(settings, platform, pre.gpus[0]?.name, env);
    let built;
    if (cached !== null) {
        checkCachedAccuracy(cached.report, settings);
        await swap.promote();
        built = { files: cached.files, report: reportFromEntry(settings, cached.report, cached.files, env) };
    }
    else {
        // The base branch's .pte, timed beside this build by the driver (src/compare/base-build.ts).
        const base = comparer !== null && settings.benchmarkSeconds > 0
            ? await stage("base_build", "Restore the base build's .pte", () => comparer.restoreBaseBuild())
            : null;
        try {
            built = await buildFresh(run, pre, caches, base?.request ?? null);
        }
        finally {
            await base?.cleanup();
        }
        if (caches)
            await stage("cache_save", "Save .pte to the cache", () => caches.saveOutput());
    }
    const { files } = built;
    // The report on disk and in the artifact describes this run: its stages, cache layers and
    // comparison (a cached report's own comparison was its builder's, never this run's).
    const described = {
        ...built.report,
        timings: { ...seconds, ...exportSteps(built.report) },
        cache: caches?.report ?? NO_CACHE,
        inspection: files.inspection,
    };
    const comparison = comparer
        ? await stage("compare", "Compare with the baseline", () => comparer.compare(described))
        : null;
    const report = {
        ...described,
        comparison: comparison?.comparison ?? NOT_COMPARED,
        baseline: comparison?.baseline ?? null,
        diff: comparison?.diff ?? null,
        gates: comparison?.gates ?? judgeGates(settings.compare.gates, null),
        history: comparison?.history ?? [],
    };
    await writeReport(settings.outputDir, report);
    for (const warning of exportWarnings(report, settings))
        log.warning(warning);
    // What the upload may replace in a store that can take it back (the CLI's artifact folder).
    held.artifacts = artifactNames(settings.artifactName, files);
    const published = settings.upload
        ? await stage("upload", `Upload artifacts of ${settings.artifactName}`, () => uploadExport(settings, platform.artifacts, files))
        : null;
    const outcome = {
        report,
        reportPath: external_node_path_default().join(settings.outputDir, REPORT_FILE),
        ptePath: external_node_path_default().join(settings.outputDir, files.pte.name),
        ptdPaths: files.ptd.map((f) => external_node_path_default().join(settings.outputDir, f.name)),
        published,
    };
    // A push build becomes its branch's baseline whatever its gates say: it is what the branch ships now.
    if (comparer) {
        const saved = await comparer.record(outcome.reportPath);
        if (saved !== null) {
            report.comparison = { ...report.comparison, saved };
            await writeReport(settings.outputDir, report);
        }
    }
    const downloads = published === null ? null : downloadsOf(published);
    return { settings, outcome, downloads, extras: extraSections(report, comparison) };
}
function baselineInspection(comparison) {
    const report = comparison?.baselineReport;
    const inspection = report?.inspection;
    return inspection !== undefined && Array.isArray(inspection.plans) && Array.isArray(inspection.delegates)
        ? inspection
        : null;
}
function extraSections(report, comparison) {
    const pullRequest = comparison !== null && report.run?.ref.startsWith("refs/pull/") === true;
    return {
        history: historyMarkdown(report.history, entryOf(report), pullRequest ? "this PR" : "this build"),
        comparison: renderComparison({
            comparison: report.comparison,
            baseline: report.baseline,
            diff: report.diff,
            gates: report.gates,
        }),
        picture: mermaidBlock(report.inspection, { baseline: baselineInspection(comparison) }),
    };
}
/** A tripped gate ends the run, after everything above was written and published; null when none tripped. */
function regressionError(report) {
    const tripped = trippedGates(report.gates);
    if (tripped.length === 0)
        return null;
    const what = tripped.map((g) => `${g.input} ${g.limit}: ${g.detail}`).join("; ");
    return new TrtPteError("regression", 
    // The kind leads the printed line (describeError): "regression: max-size-increase 10%: ...".
    `${what} against ${report.baseline?.ref ?? "the baseline"}`, "the files were still written and published; raise the limit or clear the input if the change is intended");
}
/** The driver's own steps (`export.*`) of the build that produced the files, kept on a cache hit. */
function exportSteps(report) {
    return Object.fromEntries(Object.entries(report.timings).filter(([k]) => k.startsWith("export.")));
}
function buildEntry(settings, outcome, error) {
    const speedup = outcome === null ? null : headlineSpeedup(outcome.report);
    const pte = outcome?.published?.pte;
    return {
        name: settings.modelName,
        target: settings.target,
        outcome: outcome === null || error !== null ? "failure" : "success",
        "artifact-name": pte === undefined ? "" : settings.artifactName,
        "artifact-id": pte === undefined ? "" : String(pte.id),
        "artifact-url": pte?.url ?? "",
        digest: outcome === null ? "" : `sha256:${outcome.report.pte.sha256}`,
        speedup: speedup === null ? "" : speedup.toPrecision(3),
        "cache-hit": outcome === null ? "" : String(outcome.report.cache.hit),
    };
}
function setOutputs(platform, outcome) {
    platform.setOutput("pte", outcome.ptePath);
    platform.setOutput("ptd", outcome.ptdPaths.join("\n"));
    platform.setOutput("report", outcome.reportPath);
    const published = outcome.published;
    const pte = published?.pte;
    platform.setOutput("artifact-id", pte === undefined ? "" : String(pte.id));
    platform.setOutput("artifact-url", pte?.url ?? "");
    // In upload order: the .pte last.
    const files = published === null ? [] : [...published.ptd, published.report, published.pte];
    platform.setOutput("artifact-files", JSON.stringify(files.map(({ name, file, id, url, digest }) => ({ name, file, id, url, digest: digest ?? "" }))));
    platform.setOutput("digest", `sha256:${outcome.report.pte.sha256}`);
    platform.setOutput("artifact-digest", pte?.digest ?? "");
    platform.setOutput("cache-hit", String(outcome.report.cache.hit));
    platform.setOutput("pte-ran", String(outcome.report.execution?.pte_ran ?? false));
    const speedup = headlineSpeedup(outcome.report);
    platform.setOutput("speedup", speedup === null ? "" : speedup.toPrecision(3));
    platform.setOutput("gates", JSON.stringify(outcome.report.gates));
}

;// CONCATENATED MODULE: ./src/failure.ts
// How a failed run is told: one error (annotated at the user's file and line when their code is
// the cause), with the hint on its own line. Shared by the action and the CLI.

/** `about` names what failed when a call builds several models (the model's name), as a prefix. */
function reportFailure(error, log, about) {
    const prefix = about === undefined ? "" : `${about}: `;
    // Each problem at its own place (a file's every mistake is annotated where it is), then the count.
    if (error instanceof ProblemsError) {
        for (const problem of error.problems)
            log.error(describeError(problem), problem.location);
    }
    log.error(`${prefix}${describeError(error)}`, error instanceof TrtPteError ? error.location : undefined);
}

;// CONCATENATED MODULE: ./src/util/fit-markdown.ts
// Fitting a comment into GitHub's size limit without ever cutting inside markup. A body is a head and
// whole sections; what does not fit goes in this order: first the pictures and collapsed details of
// every section (blocks that start at a line of their own with ``` or <details>, which only trt-pte's
// renderers write: untrusted text is always inline code, with its line breaks removed, so it can never
// start a line), then whole sections from the end, replaced by one line that says how many and where
// the rest is. Nothing is ever cut mid-line, so no code span is left open.
/** GitHub refuses an issue comment body over 65536 characters; JS lengths count UTF-16 units, never fewer. */
const COMMENT_MAX_CHARS = 65_536;
/**
 * A section without its ``` fenced blocks (diagrams) and <details> blocks. Details may hold details
 * (a model's collapsed comment holds its collapsed partition): the block ends where its own
 * </details> is, counted by depth; a fence inside one is skipped with it.
 */
function withoutExtras(section) {
    const kept = [];
    let fenced = false;
    let depth = 0;
    for (const line of section.split("\n")) {
        if (fenced) {
            if (/^```\s*$/.test(line))
                fenced = false;
            continue;
        }
        if (/^```/.test(line))
            fenced = true;
        else if (/^<details[\s>]/i.test(line))
            depth++;
        else if (depth > 0 && /^<\/details>/i.test(line))
            depth--;
        else if (depth === 0)
            kept.push(line);
    }
    return kept.join("\n").replace(/\n{3,}/g, "\n\n");
}
const join = (head, sections) => [head, ...sections].map((part) => part.replace(/\n+$/, "")).join("\n\n") + "\n";
function fitSections(head, sections, options) {
    const max = options.maxChars ?? COMMENT_MAX_CHARS;
    const full = join(head, sections);
    if (full.length <= max)
        return full;
    const lean = sections.map(withoutExtras);
    if (join(head, lean).length <= max)
        return join(head, lean);
    for (let keep = lean.length - 1; keep >= 0; keep--) {
        const body = join(head, [...lean.slice(0, keep), options.omittedLine(lean.length - keep)]);
        if (body.length <= max)
            return body;
    }
    // The head alone is over the limit: only trt-pte writes it, so this is a bug, not an input.
    throw new Error(`the comment's head alone is ${head.length} characters, over ${max}`);
}

;// CONCATENATED MODULE: ./src/publish/rollup.ts
// The rollup: one line per build of a call that builds several (a trt-pte.yml's models, or models ×
// GPUs in the reusable workflow), so a reviewer sees how the pull request changed the set as a whole
// before reading any one build. The same rows render as a markdown table (summary, comment) and as
// plain text (the CLI). Names and details may come from files trt-pte does not trust (the reusable
// workflow's results): markdown shows them as code, text with control characters escaped.


/**
 * What a comment's rollup may take of GitHub's 65536 characters, the sections sharing the rest:
 * about 180 rows of 64-character names with links, latencies and changes (up to ~300 characters each);
 * rows past it are counted in the table's last line and the job summary has them all.
 */
const COMMENT_ROLLUP_CHARS = 56_000;
const ICON = {
    built: "✅",
    regressed: "❌",
    failed: "❌",
    cancelled: "⚠️",
    skipped: "⚠️",
    missing: "⚠️",
};
const WORD = {
    built: "built",
    regressed: "gate tripped",
    failed: "failed",
    cancelled: "cancelled",
    skipped: "did not run",
    missing: "no result",
};
function isSuccess(row) {
    return row.state === "built";
}
/** `2 of 3 models built`, or `2 of 3 builds succeeded` when the rows are models × GPUs. */
function rollupHeadline(rows) {
    const built = rows.filter(isSuccess).length;
    const n = rows.length;
    return rows.some((r) => r.gpu !== "")
        ? `${built} of ${n} build${n === 1 ? "" : "s"} succeeded`
        : `${built} of ${n} model${n === 1 ? "" : "s"} built`;
}
function result(row) {
    const detail = row.detail === "" ? "" : `: ${format_code(row.detail, 80)}`;
    return `${ICON[row.state]} ${WORD[row.state]}${row.state === "built" ? "" : detail}`;
}
/**
 * The markdown table, within `maxChars` (the rest of the rows counted in a last line): a comment has
 * a size limit, and the rollup is the part of it that is always kept.
 */
function rollupTable(rows, maxChars = Infinity) {
    const gpus = rows.some((r) => r.gpu !== "");
    const head = ["Model", ...(gpus ? ["GPU"] : []), "Target", "Result", "Size", "Latency", "Cache", "Changes"];
    const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
    let length = lines.join("\n").length;
    let shown = 0;
    for (const row of rows) {
        const name = row.download === null ? format_code(row.name) : `[${format_code(row.name)}](${row.download.url})`;
        const cells = [
            name,
            ...(gpus ? [row.gpu === "" ? "–" : format_code(row.gpu)] : []),
            row.target === "" ? "–" : format_code(row.target),
            result(row),
            row.bytes === null ? "–" : formatBytes(row.bytes),
            row.latency === "" ? "–" : row.latency,
            row.cache === "" ? "–" : row.cache,
            row.changes === "" ? "–" : row.changes,
        ];
        const line = `| ${cells.map(cell).join(" | ")} |`;
        // Room for the line that counts what is left out.
        if (length + line.length + 1 > maxChars - 80)
            break;
        lines.push(line);
        length += line.length + 1;
        shown++;
    }
    const over = rows.length - shown;
    if (over > 0)
        lines.push("", `…and ${over} more row${over === 1 ? "" : "s"}: see the job summary.`);
    return lines.join("\n");
}
/** The same rows as aligned plain text for a terminal, one line each. */
function rollupText(rows) {
    const table = rows.map((row) => [
        row.state === "built" ? "ok" : WORD[row.state],
        TEXT.code(row.name),
        ...(rows.some((r) => r.gpu !== "") ? [TEXT.code(row.gpu)] : []),
        TEXT.code(row.target),
        row.bytes === null ? "-" : formatBytes(row.bytes),
        row.latency === "" ? "-" : row.latency,
        row.cache === "" ? "-" : `cache ${row.cache}`,
        row.state === "built" || row.state === "regressed" ? row.changes : TEXT.code(row.detail),
    ]);
    const widths = table[0]?.map((_, i) => Math.max(...table.map((cols) => cols[i]?.length ?? 0))) ?? [];
    return table.map((cols) => cols
        .map((c, i) => (i === cols.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
        .join("  ")
        .trimEnd());
}

;// CONCATENATED MODULE: ./src/publish/call-report.ts
// The summary and the one comment of a call that built several models (a trt-pte.yml): the rollup
// first, then a section per model. In the comment each section keeps a line with its download and
// puts the rest in collapsed details, so a page of models stays short; src/util/fit-markdown.ts fits
// it under GitHub's size limit, dropping details before sections and never the rollup.










/** GitHub refuses a job summary over 1 MiB; characters are counted, so leave room for multi-byte ones. */
const SUMMARY_MAX_CHARS = 400_000;
// Where the marker line goes (src/github/sticky-comment.ts) and the footer.
const COMMENT_ROOM = 512;
function state(view) {
    if (view.error === null)
        return "built";
    return view.report !== null ? "regressed" : "failed";
}
function failure(error) {
    const message = errorMessage(error);
    return error instanceof TrtPteError ? `${error.kind}: ${message}` : message;
}
function rollupRow(view) {
    const report = view.report;
    const bytes = report === null ? null : report.pte.bytes + report.ptd.reduce((sum, f) => sum + f.bytes, 0);
    const cache = report === null ? "" : report.cache.hit ? "hit" : report.cache.enabled ? "miss" : "off";
    return {
        name: view.name,
        gpu: "",
        target: view.target,
        state: state(view),
        detail: view.error === null ? "" : failure(view.error),
        download: view.downloads === null ? null : { url: view.downloads.pte.url },
        bytes,
        latency: report === null ? "" : latencyBrief(report),
        cache,
        changes: report === null ? "" : changeSummary(report.comparison.state, report.diff, report.gates),
    };
}
function call_report_heading(view, level) {
    const icon = view.error === null ? "✅" : "❌";
    return `${level} ${icon} ${format_code(view.name)} · ${format_code(view.target)}`;
}
function failedLine(view) {
    const what = view.report === null ? "Failed" : "Published, then failed its gate";
    return `${what}: ${format_code(failure(view.error), 400)}`;
}
/** A model's section of the comment: its heading, its download line, and the rest collapsed. */
function commentSection(view) {
    const lines = [call_report_heading(view, "####"), ""];
    if (view.error !== null)
        lines.push(failedLine(view), "");
    const report = view.report;
    if (report === null)
        return lines.join("\n");
    // The .pte's link in view; every file's is in the details.
    const pte = view.downloads?.pte;
    const facts = [
        pte === undefined ? "not uploaded (`upload: false`)" : `[⬇ ${cell(pte.name)}](${pte.url})`,
        `${formatBytes(report.pte.bytes)}${report.ptd.length > 0 ? ` + ${report.ptd.length} .ptd` : ""}`,
    ];
    const latency = latencyBrief(report);
    if (latency !== "")
        facts.push(latency);
    lines.push(facts.join(" · "), "");
    lines.push("<details><summary>Details</summary>", "", renderComment(report, view.downloads, view.extras));
    lines.push("</details>");
    return lines.join("\n");
}
function call_report_commentLine(outcome) {
    if (outcome.state === "created" || outcome.state === "updated")
        return `PR comment: [${outcome.state === "created" ? "posted" : "updated"}](${outcome.url ?? ""})`;
    if (outcome.state === "off")
        return "";
    return `PR comment not posted: ${outcome.reason ?? ""}`;
}
/** The one comment of the call. */
function renderCallComment(views, source, footer, maxChars = COMMENT_MAX_CHARS) {
    const rows = views.map(rollupRow);
    const head = [
        `### trt-pte: ${rollupHeadline(rows)} · ${format_code(source)}`,
        "",
        rollupTable(rows, COMMENT_ROLLUP_CHARS),
    ].join("\n");
    const body = fitSections(head, views.map(commentSection), {
        maxChars: maxChars - COMMENT_ROOM,
        omittedLine: (n) => `…and ${n} more model${n === 1 ? "" : "s"} that did not fit in one comment: see the job summary.`,
    });
    return footer === "" ? body : `${body}\n${footer}\n`;
}
/** The job summary of the call: the rollup, where the comment went, then each model's full summary. */
function renderCallSummary(views, source, comment, maxChars = SUMMARY_MAX_CHARS) {
    const rows = views.map(rollupRow);
    const commented = call_report_commentLine(comment);
    const head = [
        `### trt-pte: ${rollupHeadline(rows)} · ${format_code(source)}`,
        "",
        rollupTable(rows),
        ...(commented === "" ? [] : ["", commented]),
    ].join("\n");
    const sections = views.map((view) => {
        const failed = view.error === null ? "" : `\n\n${failedLine(view)}`;
        if (view.report === null)
            return `${call_report_heading(view, "###")}${failed}`;
        return `${renderSummary(view.report, view.downloads, { state: "off" }, view.extras)}${failed}`;
    });
    return fitSections(head, sections, {
        maxChars,
        omittedLine: (n) => `…and ${n} more model${n === 1 ? "" : "s"} that did not fit in the summary: each one's report.json is in its artifact.`,
    });
}

;// CONCATENATED MODULE: ./src/batch.ts
// A call that builds every model of a trt-pte.yml: each model in turn through the same pipeline as
// one (src/main.ts: cached, compared and uploaded as its own artifact), going on past a model that
// fails; then one summary with the rollup first, one comment for the call, and the `builds` output.
// The call fails when any model did, after the others were published.










/** A model for the renderers, its "Use it" section written for the comment (of `pr`) or the summary. */
function view(result, env, where, pr) {
    const built = result.built;
    return {
        name: result.name,
        target: result.settings.target,
        report: built?.outcome.report ?? null,
        downloads: built?.downloads ?? null,
        extras: built === null ? NO_EXTRAS : { ...built.extras, useIt: useItSection(built, env, where, pr) },
        error: result.error,
    };
}
async function buildOne(model, platform, env) {
    try {
        const built = await buildModel(model.settings, platform, env);
        return {
            name: model.name,
            settings: built.settings,
            built,
            error: regressionError(built.outcome.report),
        };
    }
    catch (error) {
        return { name: model.name, settings: model.settings, built: null, error };
    }
}
async function runModels(models, platform, env, options) {
    const { log } = platform;
    const results = [];
    for (const [i, model] of models.entries()) {
        log.info(`trt-pte: model ${i + 1} of ${models.length}: ${model.name} (${model.settings.model} → ${model.settings.target})`);
        const result = await buildOne(model, platform, env);
        if (result.error !== null)
            reportFailure(result.error, log, model.name);
        results.push(result);
    }
    const views = results.map((r) => view(r, env, "summary"));
    // Each built model keeps its new output only once the call's own publishing went through.
    let published = null;
    try {
        await publishCall(results, views, platform, env, options);
    }
    catch (error) {
        published = error;
    }
    for (const result of results)
        await result.built?.finish(published);
    if (published !== null)
        throw published;
    const rows = views.map(rollupRow);
    return { results, rows, text: rollupText(rows), failure: callFailure(results) };
}
/** The call's comment, summary (and each model's markdown beside its report.json) and outputs. */
async function publishCall(results, views, platform, env, options) {
    const { log } = platform;
    // Publishing settings are the call's, the same for every model.
    const call = results[0]?.settings;
    const run = runInfo(env);
    const footer = run === null ? "" : `<sub>Updated by [run ${run.run_id}](${run.url}) for ${run.sha.slice(0, 7)}.</sub>`;
    const comment = call === undefined
        ? { state: "off" }
        : await publishComment(call, platform, (pr) => renderCallComment(results.map((r) => view(r, env, "comment", pr)), options.source, footer), env, log, options.commentKey);
    const text = views
        .map((v) => v.report === null
        ? `${v.name}: failed (its error is above)\n`
        : renderSummaryText(v.report, v.downloads, { state: "off" }, v.extras))
        .join("\n");
    await platform.writeSummary({ markdown: renderCallSummary(views, options.source, comment), text });
    for (const v of views) {
        const settings = results.find((r) => r.name === v.name)?.built?.settings;
        if (v.report === null || settings === undefined)
            continue;
        await writeOwnFile(external_node_path_default().join(settings.outputDir, SUMMARY_FILE), renderSummary(v.report, v.downloads, { state: "off" }, v.extras));
    }
    platform.setOutput("builds", JSON.stringify(results.map((r) => buildEntry(r.settings, r.built?.outcome ?? null, r.error))));
    // The single-build outputs say something only when there is one build.
    const only = results.length === 1 ? results[0]?.built : undefined;
    if (only)
        setOutputs(platform, only.outcome);
}
function callFailure(results) {
    const failed = results.filter((r) => r.error !== null);
    if (failed.length === 0)
        return null;
    const first = failed[0]?.error;
    const names = failed.map((r) => r.name);
    const shown = names.length > 8 ? `${names.slice(0, 8).join(", ")} and ${names.length - 8} more` : names.join(", ");
    return new TrtPteError(first instanceof TrtPteError ? first.kind : "internal", `${failed.length} of ${results.length} model${results.length === 1 ? "" : "s"} failed: ${shown}`, "each model's error is above; the other models were built and published");
}

;// CONCATENATED MODULE: ./src/cli/export-command.ts
// `trt-pte export`: flags → Settings → the pipeline on the local platform; with `--config`, every
// model of a trt-pte.yml in turn, ending with the rollup.















/**
 * The folders the CLI makes in the user's repository ignore themselves (a .gitignore of `*`), so an
 * export leaves `git status` as it was.
 */
async function makeOwnFolders(cwd, artifactDir, settings) {
    const outputDirs = settings.map((s) => external_node_path_default().dirname(s.outputDir));
    for (const dir of new Set([external_node_path_default().join(cwd, ".trt-pte"), ...outputDirs, artifactDir])) {
        await makeOwnFolder(dir);
    }
}
async function exportCommand(argv) {
    const options = {
        "artifact-dir": { type: "string" },
        baseline: { type: "string" },
    };
    for (const input of INPUTS)
        if (input.actionOnly === undefined)
            options[input.name] = { type: "string" };
    // `--only a --only b` as well as `--only a,b`.
    options.only = { type: "string", multiple: true };
    const problem = checkFlags(argv, Object.keys(options), () => true);
    if (problem !== null) {
        printError(`trt-pte export: ${problem}\nRun trt-pte export --help for the flags.\n`);
        return 2;
    }
    let values;
    try {
        values = (0,external_node_util_namespaceObject.parseArgs)({ args: argv, options, strict: true, allowPositionals: false }).values;
    }
    catch (e) {
        printError(`trt-pte export: ${e.message}\nRun trt-pte export --help for the flags.\n`);
        return 2;
    }
    const cwd = process.cwd();
    const artifactDir = external_node_path_default().resolve(cwd, values["artifact-dir"] ?? DEFAULT_ARTIFACT_DIR);
    const platform = localPlatform({ artifactDir });
    const get = (name) => {
        const value = values[name];
        return Array.isArray(value) ? value.join("\n") : (value ?? "");
    };
    const ctx = { workspace: cwd, allowedRoots: [external_node_os_default().tmpdir()] };
    // --baseline: compare with this report.json instead of a stored baseline (a laptop has no branch).
    const baseline = values.baseline;
    try {
        const mode = readCallMode(get);
        if (mode.kind === "config") {
            if (baseline !== undefined) {
                printError("trt-pte export: --baseline compares one model; it cannot be combined with --config.\n");
                return 2;
            }
            const { models } = await readModelList(mode, get, ctx);
            await makeOwnFolders(cwd, artifactDir, models.map((m) => m.settings));
            const call = await runModels(models, platform, {}, {
                source: mode.file,
                commentKey: configCommentKey(mode.file, mode.only, get("gpu-name").trim()),
            });
            platform.log.info("");
            for (const line of call.text)
                platform.log.info(line);
            if (call.failure === null)
                return 0;
            reportFailure(call.failure, platform.log);
            return 1;
        }
        const read = readSettings(get, ctx);
        const settings = baseline === undefined
            ? read
            : { ...read, compare: { ...read.compare, baselineFile: external_node_path_default().resolve(cwd, baseline) } };
        await makeOwnFolders(cwd, artifactDir, [settings]);
        const outcome = await runPipeline(settings, platform, {});
        printError(`\n.pte: ${outcome.ptePath}\n`);
        for (const ptd of outcome.ptdPaths)
            printError(`.ptd: ${ptd}\n`);
        printError(`report: ${outcome.reportPath}\n`);
        if (outcome.published !== null) {
            printError(`artifacts: ${external_node_path_default().dirname(outcome.published.pte.url)}\n`);
        }
        return 0;
    }
    catch (error) {
        reportFailure(error, platform.log);
        return 1;
    }
}

;// CONCATENATED MODULE: ./src/cli.ts
// `trt-pte`: the same pipeline outside GitHub. Every action input is a flag of the same name; the
// artifact is copied into a folder and the summary printed to the terminal.








const COMMANDS = {
    export: exportCommand,
    inspect: inspectCommand,
    diff: diffCommand,
    fetch: (argv) => fetchCommand(argv),
};
const isCommand = (name) => name !== undefined && Object.hasOwn(COMMANDS, name);
async function main(argv) {
    const [command, ...rest] = argv;
    if (command === undefined || isHelp(command) || command === "help") {
        const about = rest[0];
        print(helpText(command === "help" && isCommand(about) ? about : undefined));
        return command === undefined ? 2 : 0;
    }
    if (!isCommand(command)) {
        const guess = closest(command, Object.keys(COMMANDS));
        const meant = guess === null ? "" : ` Did you mean 'trt-pte ${guess}'?`;
        printError(`trt-pte: unknown command '${command}'.${meant} Run trt-pte --help.\n`);
        return 2;
    }
    // `--help` after the command, before any `--`: that command's help, whatever else is there.
    const options = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
    if (options.some(isHelp)) {
        print(helpText(command));
        return 0;
    }
    return COMMANDS[command](rest);
}
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (error) => {
    printError(`${describeError(error)}\n`);
    process.exitCode = 1;
});

