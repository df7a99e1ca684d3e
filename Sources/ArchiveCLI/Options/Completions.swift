/// Shell completion scripts made from the option tables: commands, each command's options,
/// the fixed values an option takes, and files where a path is wanted.
enum Completions {
    static let shells = ["bash", "zsh", "fish"]

    static func script(for shell: String) -> String? {
        switch shell {
        case "bash": return bash()
        case "zsh": return zsh()
        case "fish": return fish()
        default: return nil
        }
    }

    private static var names: [String] { Usage.commands.map(\.name) + ["help"] }

    private static func firstLine(_ help: String) -> String { String(help.split(separator: "\n").first ?? "") }

    static func bash() -> String {
        var s = """
        # bash completion for archive; made by `archive completions bash`
        _archive() {
            local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd="" i
            for ((i = 1; i < COMP_CWORD; i++)); do
                case ${COMP_WORDS[i]} in
                    --index|--color) ((i++)) ;;
                    -*) ;;
                    *) cmd=${COMP_WORDS[i]}; break ;;
                esac
            done
            COMPREPLY=()
            case $prev in
                --color) COMPREPLY=($(compgen -W "always never auto" -- "$cur")); return ;;
                --index) return ;;
            esac
            case $cmd in
                "") COMPREPLY=($(compgen -W "\(names.joined(separator: " ")) --index --color --help --version" -- "$cur")) ;;
                help) COMPREPLY=($(compgen -W "\(Usage.commands.map(\.name).joined(separator: " "))" -- "$cur")) ;;

        """
        for c in Usage.commands {
            s += "        \(c.name))\n            case $prev in\n"
            for o in c.allOptions where o.value != nil && o.name != "--color" && o.name != "--index" {
                s += o.choices.isEmpty
                    ? "                \(o.name)) return ;;\n"
                    : "                \(o.name)) COMPREPLY=($(compgen -W \"\(o.choices.joined(separator: " "))\" -- \"$cur\")); return ;;\n"
            }
            s += "            esac\n"
            // Operands other than fixed words are left to bash's own completion of file names.
            s += "            if [[ $cur == -* ]]; then\n"
            s += "                COMPREPLY=($(compgen -W \"\(c.allOptions.map(\.name).joined(separator: " "))\" -- \"$cur\"))\n"
            s += "            else\n                COMPREPLY=($(compgen -W \"\(c.operandWords.joined(separator: " "))\" -- \"$cur\"))\n            fi ;;\n"
        }
        s += """
            esac
        }
        complete -o bashdefault -o default -F _archive archive

        """
        return s
    }

    /// Text inside zsh's [...] and '...': no brackets, colons or single quotes.
    private static func zshText(_ t: String) -> String {
        String(firstLine(t).map { "[]:'".contains($0) ? " " : $0 })
    }

    private static func zshSpec(_ o: OptionSpec) -> String {
        let help = zshText(o.help)
        guard let value = o.value else { return "'\(o.name)[\(help)]'" }
        let action = o.path ? "_files" : o.choices.isEmpty ? " " : "(\(o.choices.joined(separator: " ")))"
        return "'\(o.name)=[\(help)]:\(value):\(action)'"
    }

    static func zsh() -> String {
        var s = """
        #compdef archive
        # zsh completion for archive; made by `archive completions zsh`
        _archive() {
          local curcontext=$curcontext state line
          local -a commands
          commands=(

        """
        for c in Usage.commands { s += "    '\(c.name):\(zshText(c.summary))'\n" }
        s += "    'help:show the help of a command'\n  )\n"
        s += "  _arguments -C \(zshSpec(CommandSpec.index)) \(zshSpec(CommandSpec.color)) '(- *)--help[show help]' '(- *)--version[show the version]' '1:command:->command' '*::argument:->argument'\n"
        s += "  case $state in\n    command) _describe command commands ;;\n    argument)\n      case $line[1] in\n"
        s += "        help) _values command \(Usage.commands.map(\.name).joined(separator: " ")) ;;\n"
        for c in Usage.commands {
            let operand = c.operandsArePaths ? "'*:file:_files'" : c.operandWords.isEmpty ? "'*: :'" : "'1:word:(\(c.operandWords.joined(separator: " ")))'"
            s += "        \(c.name)) _arguments \(c.allOptions.map(zshSpec).joined(separator: " ")) \(operand) ;;\n"
        }
        s += "      esac ;;\n  esac\n}\n_archive \"$@\"\n"
        return s
    }

    /// Text inside fish's '...': single quotes and backslashes escaped.
    private static func fishText(_ t: String) -> String {
        firstLine(t).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }

    static func fish() -> String {
        var s = "# fish completion for archive; made by `archive completions fish`\ncomplete -c archive -f\n"
        for c in Usage.commands {
            s += "complete -c archive -n __fish_use_subcommand -a \(c.name) -d '\(fishText(c.summary))'\n"
        }
        s += "complete -c archive -n __fish_use_subcommand -a help -d 'show the help of a command'\n"
        s += "complete -c archive -n '__fish_seen_subcommand_from help' -a '\(Usage.commands.map(\.name).joined(separator: " "))'\n"
        for c in Usage.commands {
            let when = "-n '__fish_seen_subcommand_from \(c.name)'"
            for o in c.allOptions {
                var line = "complete -c archive \(when) -l \(o.name.dropFirst(2))"
                if o.value != nil { line += o.path ? " -r -F" : o.choices.isEmpty ? " -x" : " -x -a '\(o.choices.joined(separator: " "))'" }
                s += line + " -d '\(fishText(o.help))'\n"
            }
            if c.operandsArePaths { s += "complete -c archive \(when) -F\n" }
            if !c.operandWords.isEmpty { s += "complete -c archive \(when) -a '\(c.operandWords.joined(separator: " "))'\n" }
        }
        return s
    }
}
