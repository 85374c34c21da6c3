"""tool/picotool.cmd, the Windows launcher: it cannot run here, so what can be checked statically is checked,
against its Linux/macOS twin tool/picotool (same jar, same sources watched, same build command)."""
import os
import re
import unittest

TOOL = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read(name):
    with open(os.path.join(TOOL, name), "rb") as f:
        return f.read()


class WindowsLauncherTest(unittest.TestCase):
    def setUp(self):
        self.cmd = read("picotool.cmd")
        self.text = self.cmd.decode("ascii")       # cmd.exe reads the OEM code page: ASCII only
        self.bash = read("picotool").decode("utf-8")

    def test_crlf_line_endings_throughout(self):
        self.assertTrue(self.cmd.endswith(b"\r\n"))
        self.assertNotIn(b"\n", self.cmd.replace(b"\r\n", b""), "a bare LF breaks labels and blocks in cmd.exe")
        self.assertIn(b"picotool.cmd text eol=crlf", read(".gitattributes"))

    def test_watches_the_same_sources_as_the_bash_launcher(self):
        bash = set(re.findall(r'"\$repo/([\w./]+)"', self.bash.split("stale()")[1].split("}")[0]))
        cmd = set(p.replace("\\", "/") for p in re.findall(r"'([\w\\.]+)'", self.text.split("$src =")[1]
                                                                       .split("|")[0]))
        self.assertEqual(bash, {"pom.xml", "src/main", "templates", "firmware", "pinouts"})
        self.assertEqual(cmd, bash)

    def test_builds_and_runs_like_the_bash_launcher(self):
        self.assertIn("call mvnw.cmd -B -q -DskipTests package", self.text)
        self.assertIn("./mvnw -B -q -DskipTests package", self.bash)
        self.assertIn(r'set "PICOTOOL_JAR=%PICOTOOL_REPO%\target\picotool-all.jar"', self.text)
        self.assertIn('jar="$repo/target/picotool-all.jar"', self.bash)
        self.assertIn('java -jar "%PICOTOOL_JAR%" %*', self.text)
        self.assertTrue(self.text.rstrip().endswith("exit /b %ERRORLEVEL%"), "the exit code reaches the caller")
        self.assertTrue(os.path.exists(os.path.join(TOOL, "..", "mvnw.cmd")))

    def test_no_unescaped_parentheses_inside_blocks(self):
        """In a ( ... ) block an unescaped ')' in an echo or rem ends the block early."""
        depth = 0
        for line in self.text.split("\r\n"):
            s = line.strip()
            if depth and (s.startswith("echo") or s.startswith("rem")):
                self.assertNotRegex(s.replace("^(", "").replace("^)", ""), r"[()]", line)
            depth += s.count("(") - s.count("^(") - (s.count(")") - s.count("^)")) if not s.startswith(
                "powershell") else 0


if __name__ == "__main__":
    unittest.main()
