#!/usr/bin/env python3
"""Pushes under load through nginx + fcgiwrap + git-http-backend, with mulu's hook (issue 13).

The server is the one the test suite starts (Tests/Servers/serverlab.py, configured from
docs/server-hooks.md), with fcgiwrap running several processes. Its registry is a generated
one of 1,000 resources (bench/generate.py), imported before the load. Then 20 pushers at
once — a maintainer and the editors of 19 departments — each make 10 pushes to main, every
third one bad: an editor's change to another department's folder (access.path-not-owned) or
an invalid resource in its own (schema.enum); the maintainer's bad pushes are invalid
resources. A push that git refuses because main moved under it (fetch first, or the ref lock
lost to another push) is made again on the new main; the hook's verdicts are what count.

Checked afterwards: every verdict is the one expected, every accepted change is on main
exactly once (its commit, and its text in the file), no commit the hook rejected is left in
the repository (reachable or not), `git fsck --strict` is clean and no lock file is left.
Measured: pushes judged per second (hook runs over the wall time of the load) and the hook's
wall time, p50 and p99, taken by a wrapper around the installed shim.

  bench/load.py --mulu .build/release/mulu [--results bench/RESULTS.md]

Exit 0 when every check holds, 1 otherwise; prints a Markdown section, and with --results
puts it into that file in place of the previous one.
"""
import argparse
import json
import os
import pwd
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SERVERLAB = os.path.join(ROOT, "Tests", "Servers", "serverlab.py")
GENERATE = os.path.join(HERE, "generate.py")
HEADING = "## Load: concurrent pushes through nginx and git-http-backend"
CYCLES = ["实时", "每日", "每周", "每月", "每季度", "每半年", "每年", "不定期"]


def sh(command, check=True, **kwargs):
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if check and done.returncode != 0:
        raise SystemExit(f"load: {' '.join(command)} exited {done.returncode}:\n{done.stdout}{done.stderr}")
    return done


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


class Pusher(threading.Thread):
    """One pusher's ten pushes, each made anew on the server's main until the hook judges it."""

    def __init__(self, identity, url, clone, own, other, pushes, environment):
        super().__init__()
        self.identity, self.url, self.clone = identity, url, clone
        self.own, self.other = own, other  # files of its own folder, of another department's
        self.pushes = pushes
        self.environment = environment
        self.records = []

    def git(self, *arguments, check=True):
        return sh(["git", "-C", self.clone] + list(arguments), check=check, env=self.environment)

    def plan(self, index):
        """(kind, expected rule or None, file, edit) of push `index`."""
        marker = f"load-{self.identity}-{index}"
        own = self.own[index % len(self.own)]
        if index % 3 != 2:
            return "good", None, own, marker
        if self.other and index % 2 == 0:
            return "other folder", "access.path-not-owned", self.other[index % len(self.other)], marker
        return "invalid", "schema.enum", own, marker

    def run(self):
        for index in range(self.pushes):
            kind, rule, path, marker = self.plan(index)
            record = {"pusher": self.identity, "index": index, "kind": kind, "rule": rule, "marker": marker,
                      "attempts": 0, "verdict": None, "detail": ""}
            for _ in range(100):
                record["attempts"] += 1
                self.git("fetch", "-q", "origin", "main")
                self.git("reset", "-q", "--hard", "origin/main")
                file = os.path.join(self.clone, path)
                with open(file, encoding="utf-8") as f:
                    text = f.read()
                text = re.sub(r"^summary: .*$", lambda m: f"{m.group(0)}〔{marker}〕", text, count=1, flags=re.M)
                if kind == "invalid":
                    text = re.sub(r"^update_cycle: .*$", "update_cycle: 每十年", text, count=1, flags=re.M)
                with open(file, "w", encoding="utf-8") as f:
                    f.write(text)
                self.git("commit", "-q", "-a", "-m", marker)
                record["commit"] = self.git("rev-parse", "HEAD").stdout.strip()
                started = time.monotonic()
                pushed = self.git("push", "--porcelain", "origin", "HEAD:main", check=False)
                record["seconds"] = time.monotonic() - started
                said = pushed.stderr + pushed.stdout
                if pushed.returncode == 0:
                    record["verdict"] = "accepted"
                    break
                if "mulu: push rejected" in said:
                    record["verdict"] = "rejected"
                    found = re.search(r"error\[([a-z.-]+)\]", said)
                    record["found"] = found.group(1) if found else None
                    break
                if re.search(r"fetch first|non-fast-forward|failed to update ref|cannot lock ref|stale info", said):
                    continue  # main moved under this push: make it again on the new main
                record["verdict"] = "failed"
                record["detail"] = said[-1500:]
                break
            self.records.append(record)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mulu", required=True)
    parser.add_argument("--pushers", type=int, default=20)
    parser.add_argument("--pushes", type=int, default=10)
    parser.add_argument("--resources", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=4, help="fcgiwrap's processes")
    parser.add_argument("--results", help="a Markdown file whose load section this run replaces")
    arguments = parser.parse_args()
    mulu = os.path.abspath(arguments.mulu)

    work = tempfile.mkdtemp(prefix="mulu-load-")
    os.chmod(work, 0o755)
    identities = ["bench-admin"] + [f"editor-{i:03d}" for i in range(1, arguments.pushers)]
    lab = os.path.join(work, "server")
    started = sh(["python3", SERVERLAB, "start", "nginx", "--root", lab, "--mulu", mulu,
                  "--identities", ",".join(identities), "--processes", str(arguments.processes)], check=False)
    try:
        if started.returncode != 0:
            raise SystemExit(f"load: the server did not start:\n{started.stderr}")
        target = json.loads(started.stdout)[0]
        return load(arguments, mulu, work, identities, target)
    finally:
        sh(["python3", SERVERLAB, "stop", "--root", lab], check=False)
        sh(["rm", "-rf", work], check=False)


def load(arguments, mulu, work, identities, target):
    repository = target["repository"]
    owner = pwd.getpwuid(os.stat(repository).st_uid).pw_name
    # The pushers' git asks for English (Accept-Language, from LANGUAGE); the server's default is Chinese.
    environment = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null", LANG="C", LC_ALL="C",
                       LANGUAGE="en", GIT_TEXTDOMAINDIR="/nonexistent/no-translations",
                       GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.cn",
                       GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.cn")

    # The registry, imported as its owner before the load (as the document advises for a large one).
    generated = os.path.join(work, "generated.git")
    sh(["git", "init", "-q", "--bare", generated], env=environment)
    stream = sh(["python3", GENERATE, str(arguments.resources)]).stdout
    sh(["git", "-C", generated, "fast-import", "--quiet"], input=stream, env=environment)
    sh(["chown", "-R", f"{owner}:{owner}", generated])
    sh(["runuser", "-u", owner, "--", "git", "-C", repository, "fetch", "-q", generated, "main:main"])

    # The hook's wall time, around the installed shim.
    hooks = os.path.join(repository, "hooks")
    times = os.path.join(work, "hook-times")
    open(times, "w").close()
    os.chmod(times, 0o666)
    os.rename(os.path.join(hooks, "pre-receive"), os.path.join(hooks, "pre-receive.mulu"))
    with open(os.path.join(hooks, "pre-receive"), "w") as f:
        f.write(f"#!/bin/sh\nstart=$(date +%s%N)\n'{hooks}/pre-receive.mulu'\nstatus=$?\n"
                f"echo \"$start $(date +%s%N) $status\" >> '{times}'\nexit $status\n")
    os.chmod(os.path.join(hooks, "pre-receive"), 0o755)
    sh(["chown", f"{owner}:{owner}", os.path.join(hooks, "pre-receive")])

    # Each pusher's clone, and the folders: its department's and the next department's.
    access = sh(["git", "--git-dir", generated, "show", "main:access.yaml"]).stdout
    departments = dict(re.findall(r"id: (editor-\d+), department: (\w+)", access))
    files = sh(["git", "--git-dir", generated, "ls-tree", "-r", "--name-only", "main", "catalogs"]).stdout.split()
    folder = lambda code: [f for f in files if f.startswith(f"catalogs/{code}/")]
    pushers = []
    for number, identity in enumerate(identities):
        clone = os.path.join(work, "clones", identity)
        url = target["pushers"][identity]["url"]
        sh(["git", "clone", "-q", "-b", "main", url, clone], env=environment)
        if identity == "bench-admin":
            own, other = folder(departments["editor-000"]), []
        else:
            own = folder(departments[identity])
            other = folder(departments[identities[number % (len(identities) - 1) + 1]])
        pushers.append(Pusher(identity, url, clone, own, other, arguments.pushes, environment))

    load_before = os.getloadavg()[0]
    began = time.monotonic()
    for pusher in pushers:
        pusher.start()
    for pusher in pushers:
        pusher.join()
    wall = time.monotonic() - began

    records = [record for pusher in pushers for record in pusher.records]
    git = ["git", "-c", "safe.directory=*", "--git-dir", repository]
    problems = []
    for record in records:
        expected = "rejected" if record["rule"] else "accepted"
        if record["verdict"] != expected:
            problems.append(f"{record['marker']} ({record['kind']}): {record['verdict']}, expected {expected} {record['detail']}")
        elif record["rule"] and record.get("found") != record["rule"]:
            problems.append(f"{record['marker']}: rejected for {record.get('found')}, expected {record['rule']}")
    subjects = sh(git + ["log", "--format=%s", "main"]).stdout.splitlines()
    tree = sh(git + ["grep", "-h", "-o", "〔load-[a-z0-9-]*〕", "main", "--", "catalogs"], check=False).stdout.split()
    for record in records:
        marker = record["marker"]
        in_log = subjects.count(marker)
        in_tree = tree.count(f"〔{marker}〕")
        if record["verdict"] == "accepted" and (in_log, in_tree) != (1, 1):
            problems.append(f"{marker}: accepted, on main {in_log} times, in the files {in_tree} times")
        if record["verdict"] == "rejected":
            if in_log or in_tree:
                problems.append(f"{marker}: rejected, yet on main")
            # Git drops the objects of a rejected push with its quarantine: not even present.
            if sh(git + ["cat-file", "-e", record["commit"]], check=False).returncode == 0:
                problems.append(f"{marker}: the rejected commit {record['commit']} is in the repository")
    fsck = sh(git + ["fsck", "--strict", "--no-progress", "--no-dangling"], check=False)
    if fsck.returncode != 0 or fsck.stdout.strip() or "error" in fsck.stderr or "warning" in fsck.stderr:
        problems.append(f"git fsck --strict: {fsck.stdout}{fsck.stderr}")
    locks = [os.path.join(d, f) for d, _, names in os.walk(repository) for f in names if f.endswith(".lock")]
    if locks:
        problems.append(f"locks left: {locks}")

    runs = [line.split() for line in open(os.path.join(work, "hook-times")) if line.strip()]
    hook = [(int(end) - int(start)) / 1e9 for start, end, _ in runs]
    # Commits the hook accepted whose push then lost main to another (git moves a push's objects
    # in before it takes the ref's lock): unreachable, as git leaves them.
    dangling = sh(git + ["fsck", "--no-progress", "--unreachable", "--no-reflogs"], check=False).stdout.count("unreachable commit")
    accepted = sum(r["verdict"] == "accepted" for r in records)
    rejected = sum(r["verdict"] == "rejected" for r in records)
    attempts = sum(r["attempts"] for r in records)
    lines = [
        HEADING,
        "",
        f"{len(identities)} pushers (a maintainer and {len(identities) - 1} departments' editors) × {arguments.pushes} pushes "
        f"at once into a registry of {arguments.resources:,} resources, over HTTP with basic authentication "
        f"(nginx, fcgiwrap with {arguments.processes} processes, git-http-backend; `bench/load.py`). "
        "Every third push is bad: another department's folder, or an invalid resource.",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| pushes planned | {len(records)} ({accepted} accepted, {rejected} rejected, as expected: {'yes' if not problems else 'NO'}) |",
        f"| pushes made (again when main moved under one) | {attempts} |",
        f"| hook runs | {len(hook)} ({sum(status != '0' for _, _, status in runs)} rejecting) |",
        f"| pushes the hook accepted that then lost main to another push (unreachable commits) | {dangling} |",
        f"| wall time of the load | {wall:.1f} s |",
        f"| hook runs per second | {len(hook) / wall:.1f} |",
        f"| planned pushes judged per second | {len(records) / wall:.1f} |",
        f"| the hook's wall time, p50 | {percentile(hook, 0.5) * 1000:.0f} ms |" if hook else "| hook | no runs |",
        f"| the hook's wall time, p99 | {percentile(hook, 0.99) * 1000:.0f} ms |" if hook else "",
        f"| a whole `git push`, p50 / p99 | {statistics.median([r['seconds'] for r in records]) * 1000:.0f} ms / "
        f"{percentile([r['seconds'] for r in records], 0.99) * 1000:.0f} ms |",
        "",
        "Checked: every verdict as expected, with its rule; every accepted change on main exactly once "
        "(its commit and its text); no commit the hook rejected left in the repository; `git fsck --strict` clean; "
        f"no lock file left. Machine load (1 min) before the run {load_before:.1f}, after it {os.getloadavg()[0]:.1f}."
        + ("" if not problems else "\n\nFAILED:\n" + "\n".join(f"- {p}" for p in problems)),
        "",
    ]
    section = "\n".join(line for line in lines if line is not None)
    print(section)
    if arguments.results:
        text = open(arguments.results, encoding="utf-8").read() if os.path.exists(arguments.results) else ""
        if HEADING in text:
            start = text.index(HEADING)
            following = text.find("\n## ", start + len(HEADING))
            text = text[:start] + section + (text[following + 1:] if following >= 0 else "")
        else:
            text = text.rstrip("\n") + "\n\n" + section
        with open(arguments.results, "w", encoding="utf-8") as f:
            f.write(text)
    if problems:
        print(f"load: {len(problems)} problems", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
