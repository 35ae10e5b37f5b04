// GitHub's deployment environments as far as the reusable workflow's fork gate sees them: the REST
// endpoint GET /repos/{owner}/{repo}/environments/{environment_name}, answered in GitHub's shape
// (`protection_rules` of type required_reviewers, wait_timer or branch_policy), and what GitHub does
// when a job names an environment the repository lacks: it creates it, with no protection rules.

import type http from "node:http";
import { type Handler, type Recorded, sendJson } from "./http.js";

export type ProtectionRule =
  | { type: "required_reviewers"; reviewers: string[]; preventSelfReview?: boolean }
  | { type: "wait_timer"; minutes: number }
  | { type: "branch_policy" };

export interface Environment {
  name: string;
  rules: ProtectionRule[];
  canAdminsBypass: boolean;
}

export class EnvironmentsApi implements Handler {
  readonly environments = new Map<string, Environment>();
  /** Answer 404 as GitHub does for a private repository's token without `actions: read`. */
  tokenCannotRead = false;
  private nextId = 100;

  constructor(
    private readonly repository: string,
    private readonly token: string,
  ) {}

  set(name: string, rules: ProtectionRule[], canAdminsBypass = true): void {
    this.environments.set(name, { name, rules, canAdminsBypass });
  }

  /** What GitHub does when a job that names the environment starts: create it if missing, unprotected. */
  referenceFromJob(name: string): Environment {
    if (!this.environments.has(name)) this.set(name, []);
    return this.environments.get(name)!;
  }

  private view(env: Environment, base: string) {
    const id = () => this.nextId++;
    return {
      id: id(),
      node_id: `EN_${env.name}`,
      name: env.name,
      url: `${base}/repos/${this.repository}/environments/${encodeURIComponent(env.name)}`,
      html_url: `https://github.com/${this.repository}/deployments/activity_log?environments_filter=${encodeURIComponent(env.name)}`,
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
      can_admins_bypass: env.canAdminsBypass,
      protection_rules: env.rules.map((rule) => {
        switch (rule.type) {
          case "required_reviewers":
            return {
              id: id(),
              node_id: `GA_${id()}`,
              prevent_self_review: rule.preventSelfReview ?? false,
              type: "required_reviewers",
              reviewers: rule.reviewers.map((login) => ({
                type: "User",
                reviewer: { login, id: id(), type: "User" },
              })),
            };
          case "wait_timer":
            return { id: id(), node_id: `GA_${id()}`, type: "wait_timer", wait_timer: rule.minutes };
          case "branch_policy":
            return { id: id(), node_id: `GA_${id()}`, type: "branch_policy" };
        }
      }),
      deployment_branch_policy: null,
    };
  }

  handle(req: Recorded, res: http.ServerResponse, base: string): boolean {
    const url = new URL(req.url, base);
    const m = /^\/repos\/([^/]+\/[^/]+)\/environments\/([^/]+)$/.exec(url.pathname);
    if (!m || req.method !== "GET") return false;
    const auth = req.headers.authorization ?? "";
    if (auth !== `token ${this.token}` && auth !== `Bearer ${this.token}`) {
      sendJson(res, 401, { message: "Bad credentials", status: "401" });
      return true;
    }
    const env = this.environments.get(decodeURIComponent(m[2]!));
    if (m[1] !== this.repository || env === undefined || this.tokenCannotRead) {
      sendJson(res, 404, { message: "Not Found", status: "404" });
      return true;
    }
    sendJson(res, 200, this.view(env, base));
    return true;
  }
}
