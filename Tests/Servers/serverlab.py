#!/usr/bin/env python3
"""Real Git servers on 127.0.0.1 for mulu's tests, configured as docs/server-hooks.md says.

    serverlab.py start KIND --root DIR --mulu PATH    sets a server up; prints its targets (JSON)
    serverlab.py stop --root DIR                      stops what `start` started, by PID

KIND is ssh, nginx, apache or gitolite. Every configuration a pusher's request goes through is
taken from the blocks of docs/server-hooks.md marked `<!-- tested: NAME -->`, with only paths,
ports, keys and user names put in: a replacement whose text the block no longer holds fails
the start, so the document cannot drift from what is tested. Around those blocks, a frame of
the test's own (a listening port, a PID file, logs in DIR) stands for the rest of a server's
configuration.

Each server gets a throw-away account that owns the repositories (and is removed by `stop`),
a registry repository made as the document says, and one URL (and environment) per pusher:
ndrc-admin, ndrc-editor, mps-editor and visitor, an identity access.yaml does not list.
Processes are recorded in DIR/pids and accounts in DIR/users as they are made, so that `stop`
undoes a start that failed half way. Exit status 0 on success, 1 with a message otherwise.
"""

import argparse
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DOC = os.path.join(HERE, "..", "..", "docs", "server-hooks.md")
IDENTITIES = ["ndrc-admin", "ndrc-editor", "mps-editor", "visitor"]
PASSWORD = "secret-口令"


class Failure(Exception):
    pass


# MARK: The document


def snippet(name):
    """The fenced block after `<!-- tested: name -->` in docs/server-hooks.md."""
    with open(DOC, encoding="utf-8") as f:
        text = f.read()
    match = re.search(r"<!-- tested: " + re.escape(name) + r" -->\n```[a-z]*\n(.*?)```\n", text, re.S)
    if not match:
        raise Failure(f"docs/server-hooks.md has no block marked 'tested: {name}'")
    return match.group(1)


def doc_text():
    with open(DOC, encoding="utf-8") as f:
        return f.read()


def put_in(name, text, replacements):
    """The block with each (old, new) replaced; fails when the block no longer says `old`."""
    for old, new in replacements:
        if old not in text:
            raise Failure(f"docs/server-hooks.md's block '{name}' no longer says {old!r}")
        text = text.replace(old, new)
    return text


# MARK: Processes and accounts


class Lab:
    def __init__(self, root, mulu):
        self.root = root
        self.mulu = mulu
        os.makedirs(root, exist_ok=True)
        os.chmod(root, 0o755)

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def note(self, file, value):
        with open(self.path(file), "a") as f:
            f.write(f"{value}\n")

    def run(self, command, user=None, env=None, input=None, home=None):
        """Runs a command (as `user`, with HOME=home) that must succeed; its standard output."""
        environment = dict(os.environ if env is None else env)
        if home:
            environment["HOME"] = home
        if user:
            command = ["/usr/sbin/runuser", "-u", user, "--", "env", f"HOME={environment.get('HOME', '/')}"] + command
        done = subprocess.run(command, env=environment, input=input, capture_output=True, text=True)
        if done.returncode != 0:
            raise Failure(f"{' '.join(command)} exited {done.returncode}:\n{done.stdout}{done.stderr}")
        return done.stdout

    def shell(self, script, user, home):
        """Runs the lines of a sh script as `user`."""
        return self.run(["sh", "-e", "-c", script], user=user, home=home)

    def spawn(self, command, user=None, env=None):
        """Starts a program that stays in the foreground; its PID is recorded."""
        log = open(self.path(os.path.basename(command[0]) + ".log"), "ab")
        if user:
            command = ["/usr/sbin/runuser", "-u", user, "--"] + command
        process = subprocess.Popen(
            command, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True
        )
        self.note("pids", process.pid)
        return process

    def add_user(self, shell="/bin/sh"):
        """A throw-away account with its own group and a home in the lab; its name."""
        name = "mulu" + secrets.token_hex(4)
        home = self.path("home-" + name)
        self.note("users", name)
        self.run(["useradd", "--no-create-home", "--home-dir", home, "--shell", shell, "--user-group", name])
        # A password of "*": no password login, but not a locked account (sshd refuses those).
        self.run(["usermod", "-p", "*", name])
        os.makedirs(home, mode=0o755)
        shutil.chown(home, name, name)
        return name, home

    def key(self, name):
        """An ed25519 key pair in the lab; the private key's path and the public key's text."""
        private = self.path("keys", name)
        os.makedirs(os.path.dirname(private), exist_ok=True)
        self.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", private])
        with open(private + ".pub") as f:
            return private, f.read().strip()

    def wait_for(self, what, test, seconds=15):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if test():
                return
            time.sleep(0.05)
        logs = ""
        for name in sorted(os.listdir(self.root)):
            if name.endswith(".log"):
                with open(self.path(name), errors="replace") as f:
                    logs += f"--- {name}\n{f.read()[-2000:]}"
        raise Failure(f"{what} did not come up within {seconds} s\n{logs}")

    def wait_for_port(self, port, what):
        def listening():
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    return True
            except OSError:
                return False

        self.wait_for(f"{what} on port {port}", listening)

    def record_pid_file(self, file, what):
        self.wait_for(f"{what}'s PID file", lambda: os.path.exists(file) and open(file).read().strip())
        self.note("pids", open(file).read().strip())

    def start_daemon(self, what, config, text, command, pid_file, port, env=None):
        """Writes a server's configuration to `config`, starts it with `command` (it daemonizes
        itself), records its PID and waits until it listens on `port`."""
        with open(config, "w") as f:
            f.write(text)
        self.run(command, env=env)
        self.record_pid_file(pid_file, what)
        self.wait_for_port(port, what)

    # MARK: The registry repository

    def create_repository(self, owner, home, parent):
        """The repository made as the document's 'create-repository' says, in `parent`."""
        os.makedirs(parent, exist_ok=True)
        shutil.chown(parent, owner, owner)
        script = put_in(
            "create-repository",
            snippet("create-repository"),
            [("sudo -u git ", ""), ("/srv/git", parent), ("mulu hooks", f"'{self.mulu}' hooks")],
        )
        self.shell(script, owner, home)
        return os.path.join(parent, "registry.git")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ssh_command(lab, key):
    """How git runs ssh for a pusher: only this key, no user configuration, the locale sent."""
    return (
        f"ssh -F /dev/null -i '{key}' -o IdentitiesOnly=yes -o BatchMode=yes"
        f" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
        f" -o SendEnv=LANG -o SendEnv=LC_ALL -o SendEnv=LC_MESSAGES"
    )


def start_sshd(lab, users, extra=""):
    """sshd on a free port, for `users`, with the document's sshd_config lines."""
    port = free_port()
    folder = lab.path("sshd")
    os.makedirs(folder, exist_ok=True)
    os.makedirs("/run/sshd", exist_ok=True)
    lab.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", os.path.join(folder, "host_key")])
    config = os.path.join(folder, "sshd_config")
    lab.start_daemon(
        "sshd",
        config,
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {folder}/host_key\nPidFile {folder}/sshd.pid\n"
        f"AuthorizedKeysFile .ssh/authorized_keys\nPasswordAuthentication no\n"
        f"KbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\nAllowUsers {' '.join(users)}\n"
        f"LogLevel ERROR\n" + snippet("sshd-config") + extra,
        ["/usr/sbin/sshd", "-f", config, "-E", lab.path("sshd.log")],
        os.path.join(folder, "sshd.pid"),
        port,
    )
    return port


def write_authorized_keys(home, owner, lines):
    folder = os.path.join(home, ".ssh")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    with open(os.path.join(folder, "authorized_keys"), "w") as f:
        f.write("".join(line.rstrip("\n") + "\n" for line in lines))
    shutil.chown(folder, owner, owner)
    shutil.chown(os.path.join(folder, "authorized_keys"), owner, owner)


# MARK: The servers


def start_ssh(lab):
    """One sshd, two shared accounts: one with a POSIX login shell and forced commands, one with
    git-shell as its login shell and `environment=` options."""
    keys = {identity: lab.key(identity) for identity in IDENTITIES}
    targets = []
    accounts = []
    for block, shell in [("ssh-forced-command", "/bin/sh"), ("ssh-environment", "/usr/bin/git-shell")]:
        owner, home = lab.add_user(shell)
        repository = lab.create_repository(owner, home, os.path.join(home, "srv"))
        template = snippet(block)
        lines = [
            put_in(block, template, [("MULU_PUSHER=ndrc-editor", f"MULU_PUSHER={identity}"), ("ssh-ed25519 AAAA… 张三", public)])
            for identity, (_, public) in keys.items()
        ]
        write_authorized_keys(home, owner, lines)
        accounts.append(owner)
        targets.append((block, owner, repository))
    port = start_sshd(lab, accounts)
    return [
        {
            "name": block,
            "repository": repository,
            "pushers": {
                identity: {
                    "url": f"ssh://{owner}@127.0.0.1:{port}{repository}",
                    "environment": {"GIT_SSH_COMMAND": ssh_command(lab, private)},
                }
                for identity, (private, _) in keys.items()
            },
        }
        for block, owner, repository in targets
    ]


def htpasswd(lab, file):
    for index, identity in enumerate(IDENTITIES):
        lab.run(["htpasswd", "-b", "-B"] + (["-c"] if index == 0 else []) + [file, identity, PASSWORD])
    os.chmod(file, 0o644)


def http_targets(name, repository, port, prefix):
    return [
        {
            "name": name,
            "repository": repository,
            "pushers": {
                identity: {"url": f"http://{identity}:{PASSWORD}@127.0.0.1:{port}{prefix}/registry.git", "environment": {}}
                for identity in IDENTITIES
            },
        }
    ]


def fcgiwrap_user(lab):
    """The user the document's fcgiwrap override runs fcgiwrap as (`git`: the owner)."""
    block = snippet("fcgiwrap-service")
    user = re.search(r"^User=(\S+)$", block, re.M)
    group = re.search(r"^Group=(\S+)$", block, re.M)
    if not user or not group or user.group(1) != "git" or group.group(1) != "git":
        raise Failure("docs/server-hooks.md's block 'fcgiwrap-service' no longer runs fcgiwrap as User=git, Group=git")


def start_nginx(lab, processes=1):
    owner, home = lab.add_user()
    projects = os.path.join(home, "srv")
    repository = lab.create_repository(owner, home, projects)
    run = lab.path("nginx")
    os.makedirs(run, exist_ok=True)
    www = pwd.getpwnam("www-data")
    for temp in ["body", "fastcgi", "proxy", "uwsgi", "scgi"]:
        os.makedirs(os.path.join(run, temp), exist_ok=True)
        os.chown(os.path.join(run, temp), www.pw_uid, www.pw_gid)
    htpasswd(lab, os.path.join(run, "git.htpasswd"))
    shutil.copy("/etc/nginx/fastcgi_params", os.path.join(run, "fastcgi_params"))

    # fcgiwrap as the owner of the repositories, its socket open to nginx's www-data.
    fcgiwrap_user(lab)
    os.makedirs(os.path.join(run, "fcgiwrap"), exist_ok=True)
    shutil.chown(os.path.join(run, "fcgiwrap"), owner, owner)
    sock = os.path.join(run, "fcgiwrap", "socket")
    lab.spawn(["/usr/sbin/fcgiwrap", "-f", "-c", str(processes), "-s", "unix:" + sock], user=owner, env={"PATH": "/usr/bin:/bin"})
    lab.wait_for("fcgiwrap's socket", lambda: os.path.exists(sock))
    os.chmod(sock, 0o666)

    location = put_in(
        "nginx-location",
        snippet("nginx-location"),
        [
            ("/etc/nginx/git.htpasswd", os.path.join(run, "git.htpasswd")),
            ("/srv/git", projects),
            ("unix:/run/fcgiwrap.socket", "unix:" + sock),
        ],
    )
    port = free_port()
    config = os.path.join(run, "nginx.conf")
    lab.start_daemon(
        "nginx",
        config,
        f"user www-data;\nworker_processes 2;\npid {run}/nginx.pid;\nerror_log {lab.path('nginx.log')};\n"
        f"events {{ worker_connections 512; }}\n"
        f"http {{\n  access_log off;\n  client_body_temp_path {run}/body;\n  fastcgi_temp_path {run}/fastcgi;\n"
        f"  proxy_temp_path {run}/proxy;\n  uwsgi_temp_path {run}/uwsgi;\n  scgi_temp_path {run}/scgi;\n"
        f"  server {{\n    listen 127.0.0.1:{port};\n{location}  }}\n}}\n",
        ["/usr/sbin/nginx", "-c", config, "-p", run + "/", "-g", "daemon on;"],
        os.path.join(run, "nginx.pid"),
        port,
    )
    return http_targets("nginx", repository, port, "/git")


def start_apache(lab):
    owner, home = lab.add_user()
    projects = os.path.join(home, "srv")
    repository = lab.create_repository(owner, home, projects)
    run = lab.path("apache")
    os.makedirs(os.path.join(run, "run"), exist_ok=True)
    htpasswd(lab, os.path.join(run, "git.passwd"))

    envvars = snippet("apache-envvars")
    if "APACHE_RUN_USER=git\n" not in envvars or "APACHE_RUN_GROUP=git\n" not in envvars:
        raise Failure("docs/server-hooks.md's block 'apache-envvars' no longer runs Apache as git")
    modules = re.search(r"`a2enmod ([a-z_ \n]+)`", doc_text())
    if not modules:
        raise Failure("docs/server-hooks.md no longer says which modules to enable (`a2enmod …`)")
    # Debian's default modules, and those the document enables.
    loaded = ["mpm_event", "authz_core", "authn_core"] + modules.group(1).split()
    site = put_in(
        "apache-site",
        snippet("apache-site"),
        [("/etc/apache2/git.passwd", os.path.join(run, "git.passwd")), ("/srv/git", projects)],
    )
    port = free_port()
    config = os.path.join(run, "apache2.conf")
    lab.start_daemon(
        "apache2",
        config,
        f'ServerRoot "{run}"\nServerName 127.0.0.1\nListen 127.0.0.1:{port}\nPidFile {run}/apache2.pid\n'
        f"ErrorLog {lab.path('apache.log')}\nLogLevel warn\nDefaultRuntimeDir {run}/run\n"
        f"Mutex file:{run}/run default\nUser {owner}\nGroup {owner}\n"
        + "".join(f"LoadModule {m}_module /usr/lib/apache2/modules/mod_{m}.so\n" for m in loaded)
        + f"ScriptSock {run}/run/cgid.sock\n"
        + site,
        ["/usr/sbin/apache2", "-f", config, "-k", "start"],
        os.path.join(run, "apache2.pid"),
        port,
        env={"PATH": "/usr/sbin:/usr/bin:/bin"},
    )
    return http_targets("apache", repository, port, "/git")


def start_gitolite(lab):
    """gitolite as its own account, with both ways of installing the hook: `registry` with the
    hook on the repository, `registry-specific` with gitolite's repo-specific hook."""
    owner, home = lab.add_user()
    keys = {identity: lab.key(identity) for identity in IDENTITIES + ["admin"]}
    admin_pub = os.path.join(home, "admin.pub")
    shutil.copy(keys["admin"][0] + ".pub", admin_pub)
    os.chmod(admin_pub, 0o644)
    lab.run(["gitolite", "setup", "-pk", admin_pub], user=owner, home=home)
    # After the setup: gitolite compiles its configuration from gitolite-admin's master only.
    lab.run(["git", "config", "--global", "init.defaultBranch", "main"], user=owner, home=home)

    # .gitolite.rc: each setting of the document's block replaces gitolite's line for it
    # (commented out or not); the feature is uncommented.
    rc_path = os.path.join(home, ".gitolite.rc")
    with open(rc_path) as f:
        rc = f.read()
    for line in snippet("gitolite-rc").splitlines():
        key = re.match(r"\s*(\w+)\s*=>", line)
        feature = re.match(r"\s*'([\w-]+)',\s*$", line)
        if key:
            rc, count = re.subn(r"^[ \t]*#?[ \t]*" + key.group(1) + r"\s*=>.*$", lambda _: line, rc, count=1, flags=re.M)
        elif feature:
            rc, count = re.subn(r"^[ \t]*#[ \t]*'" + re.escape(feature.group(1)) + r"',", lambda _: line, rc, count=1, flags=re.M)
        else:
            raise Failure(f"cannot apply {line!r} of 'gitolite-rc' to .gitolite.rc")
        if count != 1:
            raise Failure(f"gitolite's .gitolite.rc has no line for {line.strip()!r}")
    with open(rc_path, "w") as f:
        f.write(rc)

    local = put_in("gitolite-install-local", snippet("gitolite-install-local"), [("mulu hooks", f"'{lab.mulu}' hooks")])
    lab.shell(local, owner, home)

    port = start_sshd(lab, [owner])
    admin = lab.path("gitolite-admin")
    environment = dict(os.environ, GIT_SSH_COMMAND=ssh_command(lab, keys["admin"][0]), GIT_CONFIG_NOSYSTEM="1")
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    lab.run(["git", "clone", "-q", f"ssh://{owner}@127.0.0.1:{port}/gitolite-admin", admin], env=environment)
    others = " ".join(i for i in IDENTITIES if i not in ("ndrc-admin",))
    conf = ""
    for block, repo in [("gitolite-conf-repository", "registry"), ("gitolite-conf-specific", "registry-specific")]:
        conf += "\n" + put_in(
            block,
            snippet(block),
            [("repo registry\n", f"repo {repo}\n"), ("ndrc-editor mps-editor", others)],
        )
    with open(os.path.join(admin, "conf", "gitolite.conf"), "a") as f:
        f.write(conf)
    for identity in IDENTITIES:
        shutil.copy(keys[identity][0] + ".pub", os.path.join(admin, "keydir", identity + ".pub"))
    git = ["git", "-C", admin, "-c", "user.name=admin", "-c", "user.email=admin@example.cn"]
    lab.run(git + ["add", "-A"], env=environment)
    lab.run(git + ["commit", "-q", "-m", "registry"], env=environment)
    lab.run(git + ["push", "-q", "origin", "HEAD"], env=environment)

    repositories = os.path.join(home, "repositories")
    install = put_in(
        "gitolite-install-repository",
        snippet("gitolite-install-repository"),
        [("sudo -u gitolite3 ", ""), ("/var/lib/gitolite3/repositories", repositories), ("mulu hooks", f"'{lab.mulu}' hooks")],
    )
    lab.shell(install, owner, home)
    return [
        {
            "name": "gitolite-" + route,
            "repository": os.path.join(repositories, repo + ".git"),
            "pushers": {
                identity: {
                    "url": f"ssh://{owner}@127.0.0.1:{port}/{repo}",
                    "environment": {"GIT_SSH_COMMAND": ssh_command(lab, keys[identity][0])},
                }
                for identity in IDENTITIES
            },
        }
        for route, repo in [("repository", "registry"), ("repo-specific", "registry-specific")]
    ]


SERVERS = {"ssh": start_ssh, "nginx": start_nginx, "apache": start_apache, "gitolite": start_gitolite}


# MARK: Stopping


def stop(root):
    """Stops every recorded process (TERM, then KILL after 5 s) and removes the accounts."""
    pids = []
    if os.path.exists(os.path.join(root, "pids")):
        pids = [int(line) for line in open(os.path.join(root, "pids")) if line.strip()]
    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + 5
    for pid in pids:
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            try:
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass
            time.sleep(0.05)
        else:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    if os.path.exists(os.path.join(root, "users")):
        for name in [line.strip() for line in open(os.path.join(root, "users")) if line.strip()]:
            # What still runs as the throw-away account was started by the lab (a worker of a
            # server whose parent is gone, an ssh session): killed by its PID.
            try:
                uid = pwd.getpwnam(name).pw_uid
            except KeyError:
                continue
            for entry in os.listdir("/proc"):
                if entry.isdigit():
                    try:
                        if os.stat(f"/proc/{entry}").st_uid == uid:
                            os.kill(int(entry), signal.SIGKILL)
                    except (FileNotFoundError, ProcessLookupError):
                        pass
            for _ in range(50):
                done = subprocess.run(["userdel", name], capture_output=True, text=True)
                if done.returncode in (0, 6):  # 6: no such user
                    break
                time.sleep(0.1)
            else:
                print(f"serverlab: userdel {name}: {done.stderr.strip()}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=["start", "stop"])
    parser.add_argument("kind", nargs="?", choices=sorted(SERVERS))
    parser.add_argument("--root", required=True)
    parser.add_argument("--mulu")
    parser.add_argument("--processes", type=int, default=1, help="fcgiwrap's processes (nginx)")
    parser.add_argument("--identities", help="the pushers, comma-separated (default: %s)" % ",".join(IDENTITIES))
    arguments = parser.parse_args()
    if arguments.identities:
        IDENTITIES[:] = arguments.identities.split(",")
    if arguments.action == "stop":
        stop(arguments.root)
        return 0
    if os.getuid() != 0:
        print("serverlab: needs root, to make throw-away accounts and start servers as them", file=sys.stderr)
        return 1
    lab = Lab(os.path.abspath(arguments.root), arguments.mulu)
    try:
        if arguments.kind == "nginx":
            targets = start_nginx(lab, arguments.processes)
        else:
            targets = SERVERS[arguments.kind](lab)
    except (Failure, OSError, KeyError) as failure:
        print(f"serverlab: {arguments.kind}: {failure}", file=sys.stderr)
        return 1
    json.dump(targets, sys.stdout, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
