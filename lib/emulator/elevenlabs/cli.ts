// The entry point from before there were three emulators (scripts, benches and the browser tests'
// config still start it by this path): the shared CLI, whose default provider is ElevenLabs.
import "../cli";
