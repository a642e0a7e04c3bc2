#!/usr/bin/env python3
"""What a search costs the browser on a published site: bytes fetched and time to answer.

  search_probe.py SITE_FOLDER [QUERY=SHARING ...]

Serves the site on 127.0.0.1, opens index.html in headless Chromium (Debian's python3 with
python3-selenium), and for each query (a text, optionally `=` a sharing type to filter on)
runs the search twice: cold (nothing cached: the bytes every file of the search cost) and
warm (the data loaded: the time to answer). Prints one line per query.
"""
import functools
import http.server
import json
import sys
import threading
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

site = sys.argv[1]
queries = sys.argv[2:] or ["统一社会信用代码=无条件共享"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=site))
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}/"
options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def transferred():
    sizes = {}
    urls = {}
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message.get("method") == "Network.responseReceived":
            urls[params["requestId"]] = params["response"]["url"]
        if message.get("method") == "Network.loadingFinished":
            sizes[params["requestId"]] = params["encodedDataLength"]
    return {urls.get(k, k): v for k, v in sizes.items()}


def search(query, sharing):
    parameters = {"q": query}
    if sharing:
        parameters["sharing"] = sharing
    driver.get(base + "index.html?" + urllib.parse.urlencode(parameters))
    WebDriverWait(driver, 120).until(
        lambda d: d.find_element(By.ID, "results").get_attribute("data-state") in ("done", "failed"))
    results = driver.find_element(By.ID, "results")
    return results.get_attribute("data-ms"), results.get_attribute("data-count"), results.get_attribute("data-state")


try:
    for spec in queries:
        query, _, sharing = spec.partition("=")
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
        transferred()
        cold_ms, count, state = search(query, sharing)
        files = {u: n for u, n in transferred().items() if "/api/v1/" in u}
        # Warm: the same query again in the same page, its data already loaded.
        driver.execute_script("document.getElementById('search-form').requestSubmit()")
        WebDriverWait(driver, 120).until(
            lambda d: d.find_element(By.ID, "results").get_attribute("data-state") == "done")
        warm_ms = driver.find_element(By.ID, "results").get_attribute("data-ms")
        print(f"{query} {sharing or ''}: {state}, {count} results; cold {cold_ms} ms, "
              f"{sum(files.values()) / 1024:.0f} KiB in {len(files)} files; warm {warm_ms} ms", flush=True)
finally:
    driver.quit()
    server.shutdown()
