// The CI workflow `goalpost init` writes to .github/workflows/strategy.yml. The repository's own
// copy of that file is this text byte for byte (test/cli/init-workflow.test.ts), so the workflow
// Goalpost runs on itself is the one adopting teams get.
export const WORKFLOW_FILE = '.github/workflows/strategy.yml';

export const STRATEGY_WORKFLOW = `# Goalpost for a strategy repository. On every pull request: check the strategy (annotations
# on the changed lines, SARIF for code scanning), post what the change does to the goals as
# one comment that is updated on each push, and build the review site as an artifact. On main:
# publish the site to GitHub Pages (Settings > Pages > Source: GitHub Actions).
#
# The site names every goal's owner and status. On GitHub Pages it is public unless your
# organisation has private Pages (GitHub Enterprise Cloud), and a private repository on GitHub
# Free has no Pages at all: delete the \`pages\` job below if the site must stay private, and use
# the pull request's \`strategy-site\` artifact instead.
#
# Every action is pinned to the commit of the release named in its comment, so a tag moved
# later cannot change what runs with this workflow's permissions. Dependabot's version updates
# for github-actions (.github/dependabot.yml) bump the commit and the comment together.
name: strategy

on:
  pull_request:
    # labeled/unlabeled: adding or removing the approval label re-runs the ambition gate.
    types: [opened, synchronize, reopened, labeled, unlabeled]
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read

concurrency:
  group: strategy-\${{ github.event.pull_request.number || github.ref }}
  cancel-in-progress: \${{ github.event_name == 'pull_request' }}

jobs:
  pull-request:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write # the diff comment
      security-events: write # the SARIF upload
      actions: read # the SARIF upload reads the run's details in a private repository
    env:
      BASE_SHA: \${{ github.event.pull_request.base.sha }}
      # Pull requests from forks get a read-only token: no comment, no SARIF upload.
      SAME_REPO: \${{ github.event.pull_request.head.repo.full_name == github.repository }}
    steps:
      - uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # v4.4.0
      - name: Fetch the base commit (diff reads it from git; no full history needed)
        run: git fetch --no-tags --depth=1 origin "$BASE_SHA"
      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0
        # The npm cache is keyed on package-lock.json, which \`npm install\` writes: commit it.
        with: { node-version: 24, cache: npm }
      - run: npm install --no-audit --no-fund
      - name: Check the strategy
        id: check
        run: npx goalpost check --format github
      # The steps below also run when only the check failed: reviewers still need the diff.
      - name: Check as SARIF
        if: success() || steps.check.outcome == 'failure'
        # Exit 1 means "errors found", already reported above; exit 2 (could not run) fails.
        run: npx goalpost check --format sarif > goalpost.sarif || [ $? -eq 1 ]
      - name: Upload SARIF to code scanning
        if: (success() || steps.check.outcome == 'failure') && env.SAME_REPO == 'true'
        # A private repository without GitHub's code security refuses the upload; the annotations
        # above already show every finding, and the steps below must still run.
        continue-on-error: true
        uses: github/codeql-action/upload-sarif@dd903d2e4f5405488e5ef1422510ee31c8b32357 # v3.36.2
        with: { sarif_file: goalpost.sarif, category: goalpost }
      - name: What the change does to the goals
        if: success() || steps.check.outcome == 'failure'
        run: npx goalpost diff "$BASE_SHA" > goalpost-diff.md
      - name: Post it as a sticky comment
        if: (success() || steps.check.outcome == 'failure') && env.SAME_REPO == 'true'
        uses: marocchino/sticky-pull-request-comment@773744901bac0e8cbb5a0dc842800d45e9b2b405 # v2.9.4
        with: { header: goalpost-diff, path: goalpost-diff.md }
      - name: Build the review site
        if: success() || steps.check.outcome == 'failure'
        run: npx goalpost build
      - name: Upload the site
        if: success() || steps.check.outcome == 'failure'
        uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2
        with: { name: strategy-site, path: dist }
      # An approval is for the change it was given to: a later push takes it off, so that
      # someone looks again (a failure here leaves the label, and the gate below still fails).
      - name: A new push needs a new approval
        if: github.event.action == 'synchronize' && contains(github.event.pull_request.labels.*.name, 'strategy-approved') && env.SAME_REPO == 'true'
        continue-on-error: true
        env:
          GH_TOKEN: \${{ github.token }}
          PR_NUMBER: \${{ github.event.pull_request.number }}
        run: gh pr edit "$PR_NUMBER" --remove-label strategy-approved
      # less-ambitious: a goal's target or an SLA's adherence target made easier; slipped: a due
      # date moved later; relaxed: an SLA's first-response or resolution time made longer;
      # removed: a goal, policy or anything else deleted (or given a new id, which reads as
      # removed and added).
      - name: Less ambitious, slipped, relaxed or removed targets need the label strategy-approved
        if: (success() || steps.check.outcome == 'failure') && (github.event.action == 'synchronize' || !contains(github.event.pull_request.labels.*.name, 'strategy-approved'))
        run: npx goalpost diff "$BASE_SHA" --format json --fail-on less-ambitious,slipped,relaxed,removed > /dev/null

  pages:
    if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pages: write
      id-token: write # deploy-pages proves the deployment's origin with an OIDC token
    environment:
      name: github-pages
      url: \${{ steps.deploy.outputs.page_url }}
    steps:
      - uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # v4.4.0
      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0
        with: { node-version: 24, cache: npm }
      - run: npm install --no-audit --no-fund
      - uses: actions/configure-pages@983d7736d9b0ae728b81ab479565c72886d7745b # v5.0.0
        id: pages
      - name: Build the review site
        env:
          BASE_PATH: \${{ steps.pages.outputs.base_path }}
        run: npx goalpost build --base "$BASE_PATH/"
      - uses: actions/upload-pages-artifact@56afc609e74202658d3ffba0e8f6dda462b719fa # v3.0.1
        with: { path: dist }
      - uses: actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e # v4.0.5
        id: deploy
`;
