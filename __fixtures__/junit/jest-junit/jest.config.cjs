// Reporters are given on the command line by generate.sh.
module.exports = { testEnvironment: 'node' };
