#!/usr/bin/env python3
"""Drives a published site in a real headless Chromium (WebDriver, python3-selenium), served by
a real web server on 127.0.0.1 under a sub-path.

  browser_check.py WWW_ROOT SUBPATH REGISTRY_FOLDER [SCREENSHOTS_FOLDER]

WWW_ROOT/SUBPATH/ holds the site; REGISTRY_FOLDER the registry's files at the published
release, read with PyYAML for what the search must find. Checks: the search example
(统一社会信用代码 with 无条件共享), a filter, the way index → department → resource → related
resource → release, a retired resource's page, no error in any console, no request to another
host. Prints what failed and exits 1; exits 0 when all holds.
"""
import functools
import glob
import http.server
import json
import os
import sys
import threading

import yaml
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

www, subpath, registry = sys.argv[1], sys.argv[2].strip("/"), sys.argv[3]
shots = sys.argv[4] if len(sys.argv) > 4 else None
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message, flush=True)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=www))
threading.Thread(target=server.serve_forever, daemon=True).start()
origin = f"http://127.0.0.1:{server.server_address[1]}"
base = f"{origin}/{subpath}/"

# What the files say.
resources = []
for path in glob.glob(os.path.join(registry, "catalogs", "*", "*.yaml")):
    with open(path, encoding="utf-8") as f:
        resources.append(yaml.safe_load(f))
with open(os.path.join(registry, "dictionaries", "departments.yaml"), encoding="utf-8") as f:
    departments = {d["code"]: d["name"] for d in yaml.safe_load(f)["departments"]}

options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,1500", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-default-apps", "--disable-sync"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
requests = []
console = []


def drain():
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    console.extend(driver.get_log("browser"))


def shot(name):
    if shots:
        driver.save_screenshot(os.path.join(shots, name + ".png"))


def results():
    WebDriverWait(driver, 20).until(
        lambda d: d.find_element(By.ID, "results").get_attribute("data-state") in ("done", "failed"))
    check(driver.find_element(By.ID, "results").get_attribute("data-state") == "done", "the search failed: "
          + driver.find_element(By.ID, "results").text)
    while driver.find_elements(By.CSS_SELECTOR, "#results button.more"):
        driver.find_element(By.CSS_SELECTOR, "#results button.more").click()
        WebDriverWait(driver, 20).until(
            lambda d: d.find_element(By.ID, "results").get_attribute("data-state") == "done")
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#results li a code")]


try:
    # 1. The search example: 统一社会信用代码 with 无条件共享 selected.
    driver.get(base + "index.html")
    drain()
    box = driver.find_element(By.CSS_SELECTOR, "input[type=search][name=q]")
    box.send_keys("统一社会信用代码")
    Select(driver.find_element(By.NAME, "sharing")).select_by_value("无条件共享")
    found = results()
    driver.find_element(By.CSS_SELECTOR, "#search-form button[type=submit]").click()
    found = results()
    shot("search")
    with_item = sorted(r["code"] for r in resources if "retired" not in r and r["sharing"]["type"] == "无条件共享"
                       and any(i["name"] == "统一社会信用代码" for i in r.get("items") or []))
    check(len(with_item) > 5, f"the sample has only {len(with_item)} resources for the example")
    check(sorted(found) == with_item, f"统一社会信用代码 + 无条件共享 found {sorted(found)}, the files say {with_item}")
    check(len(found) == len(set(found)), "a resource is listed twice")

    # Name matches first: a query in names and in item names.
    def contains(r, q):
        texts = [r["name"], r["summary"]] + [i["name"] for i in r.get("items") or []] + [departments.get(r["provider"]["code"], "")]
        return any(q in t for t in texts)
    driver.get(base + "index.html?q=" + "信用信息")
    found = results()
    expected = [r for r in resources if "retired" not in r and contains(r, "信用信息")]
    check(sorted(found) == sorted(r["code"] for r in expected), f"信用信息 found {sorted(found)}")
    names = {r["code"] for r in expected if "信用信息" in r["name"]}
    check(set(found[:len(names)]) == names, f"信用信息: the name matches {sorted(names)} are not first in {found}")

    # 2. A filter without a query: the active base resources (类 1) of one department.
    driver.get(base + "index.html")
    Select(driver.find_element(By.NAME, "class")).select_by_value("1")
    results()
    Select(driver.find_element(By.NAME, "department")).select_by_value("11100000000091527K")
    found = results()
    shot("filter")
    expected = sorted(r["code"] for r in resources if "retired" not in r and r["code"].startswith("1")
                      and r["provider"]["code"] == "11100000000091527K")
    check(sorted(found) == expected, f"class 1 of 11100000000091527K found {sorted(found)}, the files say {expected}")
    check("department=11100000000091527K" in driver.current_url, f"the address keeps no filter: {driver.current_url}")
    # The status filter: retired only.
    Select(driver.find_element(By.NAME, "department")).select_by_value("")
    Select(driver.find_element(By.NAME, "class")).select_by_value("")
    Select(driver.find_element(By.NAME, "status")).select_by_value("retired")
    found = results()
    check(sorted(found) == sorted(r["code"] for r in resources if "retired" in r), f"retired found {sorted(found)}")

    # 3. index → department → resource → related resource → release.
    driver.get(base + "index.html")
    driver.find_element(By.LINK_TEXT, departments["11100000000090114B"]).click()
    check(driver.current_url == base + "departments/11100000000090114B.html", f"department: {driver.current_url}")
    check(driver.find_element(By.TAG_NAME, "h1").text == departments["11100000000090114B"], "department h1")
    shot("department")
    driver.find_element(By.LINK_TEXT, "303001001/000001").click()
    check(driver.current_url == base + "resources/303001001/000001.html", f"resource: {driver.current_url}")
    check(driver.find_element(By.TAG_NAME, "h1").text == "企业投资项目核准信息", "resource h1")
    rows = {r.find_element(By.TAG_NAME, "th").text: r.find_element(By.TAG_NAME, "td").text
            for r in driver.find_elements(By.CSS_SELECTOR, "table.fields tr")}
    for label in ["信息资源名称", "信息资源代码", "信息资源提供方", "信息资源摘要", "信息资源格式", "共享类型", "共享方式",
                  "是否向社会开放", "更新周期", "发布日期", "关联资源"]:
        check(label in rows, f"the resource page has no {label}")
    check(len(driver.find_elements(By.CSS_SELECTOR, "table.items tbody tr")) > 0, "the resource page has no 信息项")
    shot("resource")
    driver.find_element(By.CSS_SELECTOR, "table.fields a[href$='resources/102001/000001.html']").click()
    check(driver.current_url == base + "resources/102001/000001.html", f"related: {driver.current_url}")
    driver.find_element(By.CSS_SELECTOR, "a[href$='releases/v2026.05.1.html']").click()
    check(driver.current_url == base + "releases/v2026.05.1.html", f"release: {driver.current_url}")
    check("v2026.05.1" in driver.find_element(By.TAG_NAME, "h1").text, "release h1")
    shot("release")
    driver.find_element(By.LINK_TEXT, "发布记录").click()
    check(driver.current_url == base + "releases/index.html", f"releases: {driver.current_url}")

    # 4. A retired resource's page: marked, its replacement linked.
    driver.get(base + "resources/303001001/000002.html")
    notice = driver.find_element(By.CSS_SELECTOR, ".notice").text
    check("本资源已注销" in notice and "与企业投资项目核准信息合并" in notice, f"retired notice: {notice}")
    shot("retired")
    driver.find_element(By.CSS_SELECTOR, ".notice a").click()
    check(driver.current_url == base + "resources/303001001/000001.html", f"replacement: {driver.current_url}")

    drain()
    # 5. No console errors, nothing asked of another host.
    errors = [e for e in console if e.get("level") in ("SEVERE", "ERROR")]
    check(not errors, f"console errors: {errors}")
    foreign = [u for u in requests if not (u.startswith(origin + "/") or u.startswith("data:"))]
    check(not foreign, f"requests to other hosts: {foreign}")
    check(any(u.endswith("/api/v1/search/meta.json") for u in requests), "the search data was never fetched")
    outside = [u for u in requests if u.startswith(origin + "/") and not u.startswith(base)]
    check(not outside, f"requests outside the site's path: {outside}")
finally:
    driver.quit()
    server.shutdown()

print(f"{len(requests)} requests, {len(failures)} failures")
sys.exit(1 if failures else 0)
