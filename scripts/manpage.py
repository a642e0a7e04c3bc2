#!/usr/bin/env python3
"""Writes mulu's man page (roff, man(7)) from the command definitions.

Runs `MULU --experimental-dump-help` (argument-parser's description of every command, option
and argument) with LANG set for the language asked for, and writes the page to standard
output: the same text as `--help`, so the page cannot drift from the commands.

    python3 scripts/manpage.py .build/release/mulu zh > mulu.1
"""
import json
import os
import subprocess
import sys

EXIT_STATUS = {
    "en": ("EXIT STATUS", "0 success; 1 findings at error severity, or differences where asked; "
           "2 bad usage, unreadable input or a failure of the tool."),
    "zh": ("退出状态", "0 成功；1 有错误级别的发现，或在要求时有差异；2 用法错误、输入无法读取或工具故障。"),
}


def escape(text):
    """Text safe in roff: backslashes doubled, a leading dot or quote kept as text."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in text.split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def synopsis(path, command):
    words = [f"\\fB{path}\\fR"]
    for argument in command.get("arguments", []):
        if not argument.get("shouldDisplay", True) or argument["kind"] == "flag" and \
                argument["preferredName"]["name"] in ("help", "version"):
            continue
        if argument["kind"] == "positional":
            word = f"\\fI{argument['valueName']}\\fR" + (" ..." if argument.get("isRepeating") else "")
        else:
            word = option_name(argument)
            if argument["kind"] == "option":
                word += f" \\fI{argument['valueName']}\\fR"
        words.append(f"[{word}]" if argument.get("isOptional") else word)
    if command.get("subcommands"):
        words.append("\\fIcommand\\fR")
    return escape_synopsis(" ".join(words))


def escape_synopsis(text):
    return text.replace("--", "\\-\\-")


def option_name(argument):
    name = argument["preferredName"]
    dashes = "-" if name["kind"] == "short" else "--"
    return f"\\fB{dashes}{name['name']}\\fR"


def arguments(command):
    out = []
    for argument in command.get("arguments", []):
        if not argument.get("shouldDisplay", True):
            continue
        if argument["kind"] == "positional":
            label = f"\\fI{argument['valueName']}\\fR"
        else:
            label = ", ".join(
                ("\\fB-" if n["kind"] == "short" else "\\fB--") + n["name"] + "\\fR" for n in argument["names"])
            if argument["kind"] == "option":
                label += f" \\fI{argument['valueName']}\\fR"
        out.append(".TP\n" + escape_synopsis(label))
        text = argument.get("abstract", "")
        if argument.get("allValues"):
            text += " (" + ", ".join(argument["allValues"]) + ")"
        if argument.get("defaultValue"):
            text += f" [default: {argument['defaultValue']}]"
        out.append(escape(text))
    return out


def command_section(path, command, lines):
    lines.append(f".SS {escape(path)}")
    lines.append(escape(command.get("abstract", "")))
    if command.get("discussion"):
        lines.append(".PP\n" + escape(command["discussion"]))
    lines.append(".PP\n" + synopsis(path, command))
    lines.extend(arguments(command))
    for sub in command.get("subcommands", []):
        if sub.get("shouldDisplay", True):
            command_section(f"{path} {sub['commandName']}", sub, lines)


def main():
    binary, language = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "en"
    environment = dict(os.environ, LANG="zh_CN.UTF-8" if language == "zh" else "C")
    dump = subprocess.run([binary, "--experimental-dump-help"], env=environment, check=True,
                          stdout=subprocess.PIPE).stdout
    root = json.loads(dump)["command"]
    name = root["commandName"]
    lines = [
        f'.TH {name.upper()} 1 "" "{name}" "{name}"',
        ".SH NAME" if language == "en" else ".SH 名称",
        f"{name} \\- {escape(root.get('abstract', ''))}",
        ".SH SYNOPSIS" if language == "en" else ".SH 用法",
        f"\\fB{name}\\fR [\\fB\\-C\\fR \\fIDIR\\fR] \\fIcommand\\fR [\\fIoptions\\fR]",
        ".SH COMMANDS" if language == "en" else ".SH 命令",
    ]
    for sub in root.get("subcommands", []):
        if sub.get("shouldDisplay", True) and sub["commandName"] != "help":
            command_section(f"{name} {sub['commandName']}", sub, lines)
    title, text = EXIT_STATUS[language]
    lines += [f".SH {title}", escape(text)]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
