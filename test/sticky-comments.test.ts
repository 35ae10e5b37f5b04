// Several sticky comments on one pull request (the report step's one comment per call): the pull
// request's comments are listed once for all keys, never once per key, and each key still finds
// only the bot's own comment.

import { describe, expect, it } from "vitest";
import {
  upsertStickyComments,
  type IssueCommentsApi,
  type IssueTarget,
  type ListedComment,
} from "../src/github/sticky-comment.js";

/** The issues comments API over an in-memory list, counting how often the list is walked. */
function commentsApi(initial: ListedComment[]): IssueCommentsApi & {
  comments: ListedComment[];
  listings: number;
  walked: number;
} {
  let nextId = 1000;
  const api = {
    comments: [...initial],
    listings: 0,
    walked: 0,
    async *list(_target: IssueTarget): AsyncIterable<ListedComment> {
      api.listings += 1;
      for (const comment of [...api.comments]) {
        api.walked += 1;
        yield comment;
      }
    },
    create(_target: IssueTarget, body: string) {
      const comment = { id: nextId++, body, user: { type: "Bot" } };
      api.comments.push(comment);
      return Promise.resolve({
        id: comment.id,
        html_url: `https://github.com/o/r/pull/7#issuecomment-${comment.id}`,
      });
    },
    update(_target: IssueTarget, id: number, body: string) {
      const comment = api.comments.find((c) => c.id === id);
      if (comment === undefined) throw new Error(`no comment ${id}`);
      comment.body = body;
      return Promise.resolve({ id, html_url: `https://github.com/o/r/pull/7#issuecomment-${id}` });
    },
  };
  return api;
}

const target = { owner: "o", repo: "r", number: 7 };
const marker = (key: string) => `<!-- trt-pte:call:${key} -->`;

describe("sticky comments for several keys", () => {
  it("lists the pull request's comments once, updates the bot's own and creates the missing ones", async () => {
    const chatter = Array.from({ length: 250 }, (_, i) => ({
      id: i + 1,
      body: `comment ${i}`,
      user: { type: "User" },
    }));
    const api = commentsApi([
      ...chatter,
      { id: 500, body: `${marker("a")}\nold a`, user: { type: "User" } }, // a person pasted our marker
      { id: 501, body: `${marker("a")}\nold a`, user: { type: "Bot" } },
      { id: 502, body: `${marker("b")}\nold b`, user: { type: "Bot" } },
    ]);
    const written = await upsertStickyComments(api, target, [
      { marker: marker("a"), body: "new a" },
      { marker: marker("b"), body: "new b" },
      { marker: marker("c"), body: "new c" },
    ]);
    expect(api.listings).toBe(1);
    expect(written.map((w) => [w.id, w.action])).toEqual([
      [501, "updated"],
      [502, "updated"],
      [1000, "created"],
    ]);
    expect(api.comments.find((c) => c.id === 500)?.body).toBe(`${marker("a")}\nold a`);
    expect(api.comments.find((c) => c.id === 501)?.body).toBe(`${marker("a")}\nnew a`);
    expect(api.comments.find((c) => c.id === 1000)?.body).toBe(`${marker("c")}\nnew c`);
  });

  it("stops listing once every key is found", async () => {
    const api = commentsApi([
      { id: 1, body: `${marker("a")}\nold`, user: { type: "Bot" } },
      ...Array.from({ length: 100 }, (_, i) => ({ id: i + 2, body: "later", user: { type: "User" } })),
    ]);
    await upsertStickyComments(api, target, [{ marker: marker("a"), body: "new" }]);
    expect(api.listings).toBe(1);
    expect(api.walked).toBe(1);
  });

  it("does not take one key's comment for a longer key that starts the same way", async () => {
    const api = commentsApi([{ id: 1, body: `${marker("model-xnnpack")}\nold`, user: { type: "Bot" } }]);
    const [written] = await upsertStickyComments(api, target, [{ marker: marker("model"), body: "new" }]);
    expect(written?.action).toBe("created");
    expect(api.comments.find((c) => c.id === 1)?.body).toBe(`${marker("model-xnnpack")}\nold`);
  });
});
