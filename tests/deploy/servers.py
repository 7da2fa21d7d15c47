"""Start nginx, Apache httpd and Caddy with the recipes of deploy/ over a built site, as this user, on free ports."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scripts.devtools.static_server import free_port
from tests.conftest import REPO

DEPLOY = REPO / "deploy"
RECIPE_PREFIX = "/brusano/"
"""The prefix the recipes are written with; a test serving at the root replaces it with `/`."""

BINARIES = {"nginx": "/usr/sbin/nginx", "apache": "/usr/sbin/apache2", "apache-htaccess": "/usr/sbin/apache2", "caddy": "/usr/bin/caddy"}
APACHE_MODULES = ("mpm_prefork", "authz_core", "dir", "mime", "rewrite", "headers")


def find_binary(server: str) -> str | None:
    """Return the server's program, running the test set-up once if it is missing."""
    path = shutil.which(Path(BINARIES[server]).name) or (BINARIES[server] if Path(BINARIES[server]).exists() else None)
    if path is None:
        subprocess.run(["bash", str(REPO / "scripts" / "devtools" / "setup_debian_packages.sh")], check=False, capture_output=True)
        path = BINARIES[server] if Path(BINARIES[server]).exists() else None
    return path


def site_folder(site: Path, work: Path, prefix: str, *, copy_htaccess: bool = False) -> Path:
    """Lay the site out below a document root at prefix; return the document root."""
    root = work / "www"
    target = root / prefix.strip("/") if prefix != "/" else root
    target.parent.mkdir(parents=True, exist_ok=True)
    if not copy_htaccess:
        target.symlink_to(site, target_is_directory=True)
        return root
    # Shared hosting: the .htaccess sits in the site's folder, beside the built files.
    target.mkdir(parents=True, exist_ok=True)
    for entry in site.iterdir():
        (target / entry.name).symlink_to(entry)
    (target / ".htaccess").write_text(recipe("apache/htaccess", prefix), encoding="utf-8")
    return root


def recipe(name: str, prefix: str) -> str:
    """Return a shipped recipe with its prefix set."""
    return (DEPLOY / name).read_text(encoding="utf-8").replace(RECIPE_PREFIX, prefix)


def _nginx(root: Path, work: Path, port: int, prefix: str) -> list[str]:
    site = recipe("nginx/brusano.conf", prefix).replace("root /srv/www;", f"root {root};").replace("listen 80;", f"listen 127.0.0.1:{port};")
    (work / "site.conf").write_text(site, encoding="utf-8")
    temp = work / "temp"
    temp.mkdir()
    paths = " ".join(f"{name}_temp_path {temp};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (work / "nginx.conf").write_text(
        "load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;\n"
        f"daemon off; master_process off; pid {work}/nginx.pid; error_log {work}/error.log;\n"
        f"events {{}}\nhttp {{ access_log off; {paths} include {work}/site.conf; }}\n",
        encoding="utf-8",
    )
    return [BINARIES["nginx"], "-p", str(work), "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")]


def _apache(root: Path, work: Path, port: int, prefix: str, *, htaccess: bool) -> list[str]:
    site_dir = root / prefix.strip("/") if prefix != "/" else root
    if htaccess:
        vhost = f"DocumentRoot {root}\n<Directory {root}>\n  AllowOverride All\n  Require all granted\n</Directory>\n"
    else:
        (work / "rules.conf").write_text(recipe("apache/htaccess", prefix), encoding="utf-8")
        vhost = (
            (DEPLOY / "apache" / "brusano-vhost.conf").read_text(encoding="utf-8")
            .replace("/srv/www/brusano", str(site_dir)).replace("/srv/www", str(root))
            .replace("*:80", f"127.0.0.1:{port}").replace("/etc/apache2/brusano-htaccess.conf", str(work / "rules.conf"))
        )
    modules = "".join(f"LoadModule {name}_module /usr/lib/apache2/modules/mod_{name}.so\n" for name in APACHE_MODULES)
    (work / "httpd.conf").write_text(
        f"ServerRoot {work}\nServerName 127.0.0.1\nListen 127.0.0.1:{port}\nPidFile {work}/httpd.pid\n"
        # -X runs one process that serves one connection at a time: without keep-alive, an idle
        # connection of the browser's never holds the others back (a test harness setting, not the recipe's)
        f"ErrorLog {work}/error.log\nKeepAlive Off\n{modules}TypesConfig /etc/mime.types\n{vhost}",
        encoding="utf-8",
    )
    return [BINARIES["apache"], "-X", "-f", str(work / "httpd.conf"), "-d", str(work)]


def _caddy_environment(root: Path, work: Path, port: int, prefix: str) -> dict[str, str]:
    return {
        **os.environ, "SITE_ADDRESS": f"http://127.0.0.1:{port}", "SITE_ROOT": str(root), "SITE_PREFIX": prefix,
        "CADDY_ADMIN": "off", "HOME": str(work), "XDG_DATA_HOME": str(work), "XDG_CONFIG_HOME": str(work),
    }


@contextmanager
def run_server(server: str, site: Path, work: Path, prefix: str) -> Iterator[str]:
    """Serve site with server's recipe under prefix; yield the site's base URL."""
    root = site_folder(site, work, prefix, copy_htaccess=server == "apache-htaccess")
    port = free_port()
    environment = None
    if server == "nginx":
        command = _nginx(root, work, port, prefix)
    elif server.startswith("apache"):
        command = _apache(root, work, port, prefix, htaccess=server == "apache-htaccess")
    else:
        command = [BINARIES["caddy"], "run", "--config", str(DEPLOY / "caddy" / "Caddyfile"), "--adapter", "caddyfile"]
        environment = _caddy_environment(root, work, port, prefix)
    log = (work / "output.log").open("wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment, cwd=work)
    try:
        _wait_for(port, process, work)
        yield f"http://127.0.0.1:{port}{prefix}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_for(port: int, process: subprocess.Popen[bytes], work: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            logs = "".join(p.read_text(errors="replace") for p in sorted(work.glob("*.log")))
            raise RuntimeError(f"the server stopped at start (exit {process.returncode}):\n{logs}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port} after 15 s")
