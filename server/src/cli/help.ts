// --help text, in Chinese and English (reviewers read Chinese, CI logs are often read in English).
export const HELP = `fazhi-lint — 法治政府建设年度报告检查器
Checker for Chinese annual reports on rule-of-law government construction.

用法 Usage:
  fazhi-lint [选项 options] <文件 files | 文件夹 folders | glob ...>
  fazhi-lint --stdin [--stdin-filename 报告.md]
  fazhi-lint <子命令 subcommand> ...

子命令 Subcommands（各自有 --help / each has its own --help）:
  new       按骨架新建报告 New report from the skeleton (--profile --body --year)
  assemble  按清单组装各单位材料并检查 Assemble contributions from a manifest, and check them
  export    导出 GB/T 9704-2012 版式的 Word 文档 Export to .docx (GB/T 9704-2012 layout)
  import    把 Word 文档转换为 Markdown Convert a .docx to Markdown
  review    审核一批报告：汇总页、逐份报告页、review.xlsx Review many reports: summary, a page per report, review.xlsx (-o dir)

检查 .md、.markdown、.txt（及 .docx）文件；文件夹递归检查，跳过 node_modules 和以 . 开头的文件夹
（glob 中写明的除外，如 ".github/**/*.md"）；跟随符号链接，同一文件只检查一次。
以 ! 或 # 开头的参数排除匹配的文件或文件夹，例如 "**/*.md" "#drafts"（请加引号）。
Checks .md, .markdown, .txt (and .docx) files; folders recursively, skipping node_modules and dot-folders
(unless a glob names them); symbolic links are followed, each file is checked once.
An operand starting with ! or # excludes what it matches: "**/*.md" "#drafts" (quote it).

选项 Options:
  -f, --format <text|json|sarif|github>
                         输出格式（默认 text）。json 见 docs/rules.md；sarif 为 SARIF 2.1.0；
                         github 为 GitHub Actions 工作流命令。
                         Output format (default text). json: the contract of docs/rules.md;
                         sarif: SARIF 2.1.0 (GitHub code scanning); github: workflow commands.
      --fix              自动修复可安全修复的问题并写回文件，再报告剩余问题。只改写 .md、.markdown、
                         .txt、.text 文件；先写临时文件再替换，检查期间文件被改动则不写入。
                         Apply safe fixes, write the files back, report what remains. Only report
                         text files are rewritten, atomically, and not if they changed meanwhile.
      --fail-on <error|warning|info>
                         达到该严重程度的问题使退出码为 1（默认 error）。
                         Exit 1 when a finding of this severity or above exists (default error).
  -c, --config <路径 path>
                         使用指定配置文件，不再向上查找 .fazhi-lint.json / .fazhi-lint.jsonc。
                         Use this config file instead of the nearest .fazhi-lint.json(c) up the tree.
      --no-config        不使用任何配置文件。
                         Use no config file at all.
      --rule <规则=级别 id=severity>
                         覆盖规则的严重程度（off|error|warning|info|hint），可重复。
                         Override a rule's severity; repeatable. Example: --rule cjk-spacing=off
  -q, --quiet            只显示错误（退出码仍按 --fail-on 计算）。
                         Show errors only (the exit code still follows --fail-on).
      --max-per-rule <N>
                         text 格式中每个文件每条规则最多列出 N 个问题，其余只计数。
                         Text output: list at most N findings per rule and file; count the rest.
      --print-config     显示对该文件生效的配置文件和设置（JSON），不检查。
                         Print which config file applies to the file, and the settings, as JSON.
      --stdin            从标准输入读取报告。
                         Read the report from standard input.
      --stdin-filename <名称 name>
                         标准输入的文件名：用于输出和查找配置。与 --fix 同用时，修复后的文本写到
                         标准输出，问题列表写到标准错误。
                         Name of stdin in the output and for config lookup. With --fix, the fixed
                         text goes to stdout and the findings to stderr.
      --previous <文件 file>
                         上一年度的报告：检查与之相同的句子、照抄的上年安排（copied-report）。
                         Last year's report, for copied-report.
      --color / --no-color
                         强制开启/关闭颜色（默认：终端且未设置 NO_COLOR 时开启）。
                         Force colours on/off (default: on a TTY unless NO_COLOR is set).
  -v, --version          显示版本。
                         Print the version.
  -h, --help             显示本帮助。
                         Print this help.

配置文件 Config files:
  从被检查文件所在文件夹向上查找最近的 .fazhi-lint.json / .fazhi-lint.jsonc。属于其他用户（既不是你也不是
  root）的配置文件不使用，并在标准错误中说明；信任它时，把路径加入环境变量 FAZHI_LINT_TRUSTED_CONFIGS
  （用 : 分隔，* 表示全部）或用 --config 指定。
  The nearest .fazhi-lint.json(c) up the tree. A config owned by another user (not you, not root) is ignored,
  with a notice; trust it with FAZHI_LINT_TRUSTED_CONFIGS (paths separated by :, or *) or --config.

退出码 Exit codes:
  0  没有达到 --fail-on 级别的问题。
     No finding at or above --fail-on.
  1  有达到该级别的问题；或部分文件无法读取或写回、某条规则运行出错（其余结果照常输出）。
     Such findings exist; or some inputs could not be read or written back, or a rule crashed (the rest
     is reported).
  2  无法检查：参数或配置无效，或没有任何文件能被检查。
     Nothing could be checked: bad arguments or config, or no input could be read.
  退出码与输出格式无关。
  The exit code never depends on --format.

特殊输入 Special inputs:
  空文件按缺少全部内容的报告检查，并在标准错误输出中说明。UTF-8 BOM 被去掉（位置不受影响）；
  带 BOM 的 UTF-16 会被解码；二进制文件、无效 UTF-8 不检查，并说明原因和位置。
  An empty file is checked as a report missing every part (with a notice on stderr). A UTF-8 BOM is
  stripped (positions unaffected); UTF-16 with BOM is decoded; binary files and invalid UTF-8 are
  not checked, with the reason and the position.

在文档中停用规则 Disable rules in a document:
  <!-- fazhi-lint-disable-next-line placeholder -->
  <!-- fazhi-lint-disable cjk-spacing --> … <!-- fazhi-lint-enable cjk-spacing -->

示例 Examples:
  fazhi-lint examples/
  fazhi-lint --format json "reports/**/*.md" > findings.json
  fazhi-lint --fix --rule cjk-spacing=off 2024年报告.md
`;

export const USAGE = `用法 Usage: fazhi-lint [选项 options] <文件 files | 文件夹 folders | glob ...>
运行 fazhi-lint --help 查看全部选项。
Run fazhi-lint --help for all options.
`;
